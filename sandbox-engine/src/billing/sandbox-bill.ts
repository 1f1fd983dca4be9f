/**
 * One itemised bill for everything a sandbox did, at AWS list prices (us-east-1, no free tier): the lines of each
 * service's own bill (sqs/billing, sns/billing, lambda/billing, ses/billing, apigateway/api-gateway-bill.ts), in
 * one shape a results panel can show, each with the pricing page its price comes from. Bills of several
 * sandboxes (a run's tests) add up line by line.
 */
import type { ApiGatewayBill } from "../apigateway/api-gateway-bill.ts";
import type { LambdaBill } from "../lambda/billing/lambda-bill.ts";
import type { SesBill } from "../ses/billing/ses-bill.ts";
import type { SnsBill } from "../sns/billing/sns-bill.ts";
import type { SqsBill } from "../sqs/billing/sqs-bill.ts";

export type BilledService = "SQS" | "SNS" | "Lambda" | "SES" | "API Gateway";

export interface BillLine {
  readonly service: BilledService;
  /** What is counted, e.g. "standard queue requests", "GB-seconds of worker". */
  readonly item: string;
  readonly quantity: number;
  readonly costUsd: number;
  /** The AWS pricing page of the price. */
  readonly source: string;
}

export interface SandboxBill {
  readonly currency: "USD";
  /** Only lines with a quantity: what was used. */
  readonly lines: readonly BillLine[];
  readonly totalUsd: number;
}

/** What the bill reads of a sandbox: each service's own bill (a service a stand-in lacks adds nothing). */
export interface BillableSandbox {
  readonly sqs?: { bill(): SqsBill };
  readonly sns?: { bill(): SnsBill };
  readonly lambda?: { bill(): LambdaBill };
  readonly ses?: { bill(): SesBill };
  readonly apigateway?: { bill(): ApiGatewayBill };
}

export function sandboxBill(sandbox: BillableSandbox): SandboxBill {
  const lines: BillLine[] = [];
  const add = (service: BilledService, source: string, item: string, quantity: number, costUsd: number) => {
    if (quantity > 0) lines.push({ service, item, quantity, costUsd, source });
  };
  const sqs = sandbox.sqs?.bill();
  for (const line of sqs?.lines ?? []) add("SQS", sqs!.prices.source, line.item, line.quantity, line.costUsd);
  const sns = sandbox.sns?.bill();
  for (const line of sns?.lines ?? []) add("SNS", sns!.prices.source, line.item, line.quantity, line.costUsd);
  const lambda = sandbox.lambda?.bill();
  for (const line of lambda?.lines ?? []) {
    add("Lambda", lambda!.prices.source, `requests to ${line.functionName}`, line.requests, line.requestCostUsd);
    add("Lambda", lambda!.prices.source, `GB-seconds of ${line.functionName}`, line.gbSeconds, line.computeCostUsd);
  }
  const ses = sandbox.ses?.bill();
  for (const line of ses?.lines ?? []) add("SES", ses!.prices.source, line.item, line.quantity, line.costUsd);
  const apigateway = sandbox.apigateway?.bill();
  for (const line of apigateway?.lines ?? []) add("API Gateway", apigateway!.prices.source, `${line.protocol} API ${line.apiId} requests`, line.requests, line.totalUsd);
  for (const line of apigateway?.webSocket ?? []) {
    add("API Gateway", apigateway!.prices.source, `WebSocket API ${line.apiId} messages (32 KB units)`, line.messages, line.messagesUsd);
    add("API Gateway", apigateway!.prices.source, `WebSocket API ${line.apiId} connection minutes`, line.connectionMinutes, line.connectionMinutesUsd);
  }
  for (const line of apigateway?.cache ?? []) add("API Gateway", apigateway!.prices.source, `cache hours, ${line.sizeGb} GB, ${line.apiId}/${line.stage}`, line.hours, line.totalUsd);
  return { currency: "USD", lines, totalUsd: lines.reduce((sum, line) => sum + line.costUsd, 0) };
}

/** Several bills as one: the same service and item add up, in the order first seen. */
export function addBills(bills: readonly SandboxBill[]): SandboxBill {
  const lines = new Map<string, BillLine>();
  for (const bill of bills) {
    for (const line of bill.lines) {
      const key = `${line.service}\u0000${line.item}`;
      const earlier = lines.get(key);
      lines.set(key, earlier ? { ...earlier, quantity: earlier.quantity + line.quantity, costUsd: earlier.costUsd + line.costUsd } : line);
    }
  }
  const all = [...lines.values()];
  return { currency: "USD", lines: all, totalUsd: all.reduce((sum, line) => sum + line.costUsd, 0) };
}
