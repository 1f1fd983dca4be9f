import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { payments, PaymentsUnavailable } from "./payments";

const json = (statusCode: number, value: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

function parseOrder(body: string | undefined): { orderId: string; amountCents: number } | undefined {
  try {
    const value = JSON.parse(body ?? "");
    return typeof value?.orderId === "string" && Number.isInteger(value.amountCents) && value.amountCents > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const order = parseOrder(event.body);
  if (order === undefined) return json(400, { message: "send { orderId: string, amountCents: positive integer }" });
  try {
    await payments.charge(order.orderId, order.amountCents);
  } catch (error) {
    if (error instanceof PaymentsUnavailable) return json(503, { message: "payments are unavailable, try again later" });
    throw error;
  }
  return json(201, { orderId: order.orderId });
}

export interface Datapoint {
  timestamp: number;
  Count: number;
  "4XXError": number;
  "5XXError": number;
}

export interface ErrorRates {
  timestamp: number;
  clientErrorRate: number;
  serverErrorRate: number;
}

export function errorRates(datapoints: Datapoint[]): ErrorRates[] {
  return [...datapoints]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((point) => ({
      timestamp: point.timestamp,
      clientErrorRate: point.Count === 0 ? 0 : point["4XXError"] / point.Count,
      serverErrorRate: point.Count === 0 ? 0 : point["5XXError"] / point.Count,
    }));
}

const MINUTE = 60_000;

export function shouldAlarm(rates: ErrorRates[], threshold: number, minutes: number): boolean {
  let run = 0;
  let previous: number | undefined;
  for (const rate of rates) {
    // A minute without requests has no datapoint: it is not a breaching minute, so the run starts over.
    const contiguous = previous !== undefined && rate.timestamp - previous === MINUTE;
    run = rate.serverErrorRate > threshold ? (contiguous ? run + 1 : 1) : 0;
    if (run >= minutes) return true;
    previous = rate.timestamp;
  }
  return false;
}
