/**
 * The SNS bill of a sandbox run at list prices (https://aws.amazon.com/sns/pricing/, us-east-1, standard topics,
 * no free tier): $0.50 per million API requests, where each 64 KB chunk of published data is one request; then
 * per notification delivered: $0.60 per million to HTTP/S endpoints, $2.00 per 100,000 emails (email and
 * email-json), and no charge for deliveries to SQS queues and Lambda functions. Not counted: FIFO topics' own
 * prices (publish per million plus per GB of payload; they are billed here as standard topics), data transfer.
 */
import type { SnsContext } from "../sns-context.ts";

export const SNS_PRICES = {
  requestsPerMillionUsd: 0.5,
  httpPerMillionUsd: 0.6,
  emailPerHundredThousandUsd: 2,
  chunkBytes: 64 * 1024,
  source: "https://aws.amazon.com/sns/pricing/",
} as const;

/** API requests (64 KB chunks of a publish counted) and notifications delivered, by protocol. */
export type SnsUsage = SnsContext["usage"];

export function emptySnsUsage(): SnsUsage {
  return { requests: 0, delivered: { sqs: 0, lambda: 0, http: 0, https: 0, email: 0, "email-json": 0 } };
}

export interface SnsBillLine {
  readonly item: "API requests" | "HTTP/S notifications" | "email notifications" | "SQS notifications (no charge)" | "Lambda notifications (no charge)";
  readonly quantity: number;
  readonly costUsd: number;
}

export interface SnsBill {
  readonly currency: "USD";
  readonly prices: typeof SNS_PRICES;
  readonly lines: readonly SnsBillLine[];
  readonly totalUsd: number;
}

export function snsBill(usage: SnsUsage): SnsBill {
  const http = usage.delivered.http + usage.delivered.https;
  const email = usage.delivered.email + usage.delivered["email-json"];
  const lines: SnsBillLine[] = [
    { item: "API requests", quantity: usage.requests, costUsd: (usage.requests / 1_000_000) * SNS_PRICES.requestsPerMillionUsd },
    { item: "HTTP/S notifications", quantity: http, costUsd: (http / 1_000_000) * SNS_PRICES.httpPerMillionUsd },
    { item: "email notifications", quantity: email, costUsd: (email / 100_000) * SNS_PRICES.emailPerHundredThousandUsd },
    { item: "SQS notifications (no charge)", quantity: usage.delivered.sqs, costUsd: 0 },
    { item: "Lambda notifications (no charge)", quantity: usage.delivered.lambda, costUsd: 0 },
  ];
  return { currency: "USD", prices: SNS_PRICES, lines, totalUsd: lines.reduce((sum, line) => sum + line.costUsd, 0) };
}

/** Requests one publish of `payloadBytes` (message and attributes) is billed as: one per started 64 KB chunk. */
export function publishRequests(payloadBytes: number): number {
  return Math.max(1, Math.ceil(payloadBytes / SNS_PRICES.chunkBytes));
}
