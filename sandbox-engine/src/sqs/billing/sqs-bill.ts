/**
 * The SQS bill of a sandbox run at list prices (https://aws.amazon.com/sqs/pricing/, us-east-1, first tier, no free
 * tier): every SQS action is a request, $0.40 per million on standard queues and $0.50 per million on FIFO queues,
 * and each 64 KB chunk of a request's payload is billed as one request (a 256 KB message is 4 requests). A batch
 * of up to 10 messages is one request (up to its 64 KB chunks). Data transfer is not counted.
 */
import { utf8Length } from "../operations/send-message.ts";

export const SQS_PRICES = {
  standardPerMillionUsd: 0.4,
  fifoPerMillionUsd: 0.5,
  chunkBytes: 64 * 1024,
  source: "https://aws.amazon.com/sqs/pricing/",
} as const;

export type SqsQueueType = "standard" | "FIFO";

/** Billed requests so far (64 KB chunks counted), by queue type. */
export type SqsUsage = Record<SqsQueueType, number>;

export interface SqsBillLine {
  readonly item: `${SqsQueueType} queue requests`;
  readonly quantity: number;
  readonly costUsd: number;
}

export interface SqsBill {
  readonly currency: "USD";
  readonly prices: typeof SQS_PRICES;
  readonly lines: readonly SqsBillLine[];
  readonly totalUsd: number;
}

export function sqsBill(usage: SqsUsage): SqsBill {
  const lines: SqsBillLine[] = [
    { item: "standard queue requests", quantity: usage.standard, costUsd: (usage.standard / 1_000_000) * SQS_PRICES.standardPerMillionUsd },
    { item: "FIFO queue requests", quantity: usage.FIFO, costUsd: (usage.FIFO / 1_000_000) * SQS_PRICES.fifoPerMillionUsd },
  ];
  return { currency: "USD", prices: SQS_PRICES, lines, totalUsd: lines.reduce((sum, line) => sum + line.costUsd, 0) };
}

/**
 * Billed requests for one call that carries these message bodies: one per started 64 KB chunk of their UTF-8
 * bytes, at least one. (Message attributes are not weighed.) Anything that is not a string (bad input) weighs
 * nothing. Short bodies skip the byte count: a UTF-16 unit is at most 3 UTF-8 bytes.
 */
export function billedRequests(bodies: readonly unknown[]): number {
  let units = 0;
  for (const body of bodies) if (typeof body === "string") units += body.length;
  if (units * 3 <= SQS_PRICES.chunkBytes) return 1;
  let bytes = 0;
  for (const body of bodies) if (typeof body === "string") bytes += utf8Length(body);
  return Math.max(1, Math.ceil(bytes / SQS_PRICES.chunkBytes));
}

/** A FIFO queue's name (and so its URL) ends in ".fifo". */
export function queueTypeOf(queueUrlOrName: unknown): SqsQueueType {
  return typeof queueUrlOrName === "string" && queueUrlOrName.endsWith(".fifo") ? "FIFO" : "standard";
}
