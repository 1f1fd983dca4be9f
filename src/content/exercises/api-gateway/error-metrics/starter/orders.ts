import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { payments, PaymentsUnavailable } from "./payments";

/**
 * Handler "orders.handler", behind POST /orders of an HTTP API (payload 2.0).
 * Body: { "orderId": string, "amountCents": number }.
 *
 * - 201 when the order is charged
 * - 400 when the body is not such an order (the client's mistake: a 4XX)
 * - 503 when the payment provider is down (our problem: a 5XX)
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  // TODO 1: a body that is not an order is the client's mistake, not a crash.
  const order = JSON.parse(event.body ?? "");
  // TODO 2: when the payment provider is down, answer 503.
  await payments.charge(order.orderId, order.amountCents);
  return { statusCode: 201, body: JSON.stringify({ orderId: order.orderId }) };
}

/** One minute of the stage's CloudWatch metrics. */
export interface Datapoint {
  /** Start of the minute, epoch ms. */
  timestamp: number;
  Count: number;
  "4XXError": number;
  "5XXError": number;
}

export interface ErrorRates {
  timestamp: number;
  /** 4XXError / Count (0 when there were no requests). */
  clientErrorRate: number;
  /** 5XXError / Count (0 when there were no requests). */
  serverErrorRate: number;
}

/** The error rates of each minute, in time order. */
export function errorRates(datapoints: Datapoint[]): ErrorRates[] {
  // TODO 3
  return [];
}

/**
 * Should someone be paged? True when `minutes` consecutive minutes (no minute
 * missing in between) each had a serverErrorRate above `threshold`.
 */
export function shouldAlarm(rates: ErrorRates[], threshold: number, minutes: number): boolean {
  // TODO 4
  return false;
}
