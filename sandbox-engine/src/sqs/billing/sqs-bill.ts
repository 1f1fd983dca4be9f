/**
 * The SQS bill of a sandbox run at list prices (https://aws.amazon.com/sqs/pricing/, us-east-1, first tier, no free
 * tier): every SQS action is a request, $0.40 per million on standard queues and $0.50 per million on FIFO queues,
 * and each 64 KB chunk of a request's payload is billed as one request (a 256 KB message is 4 requests). A batch
 * of up to 10 messages is one request (up to its 64 KB chunks). The payload is the messages' bodies and their
 * message attributes: the attributes' names, types and values are part of the message size
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html; the
 * SendMessage API reference, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html:
 * "All parts of the message attribute, including Name, Type, and Value, are part of the message size restriction"), weighed by the same rule as the size limit
 * (attributesSize). A receive's payload is the messages it returns, with the attributes it returns (decision: AWS's
 * pages say "payload" without naming receives; we weigh what the answer carries, as for its bodies). Data transfer is
 * not counted.
 */
import { attributesSize, parseMessageAttributes } from "../message-attributes.ts";
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

/** For calls whose messages carry no attributes (no allocation per call). */
const NO_ATTRIBUTE_SETS: readonly unknown[] = [];

/**
 * Billed requests for one call that carries these message bodies and message attributes (each entry of
 * `attributeSets` is one message's MessageAttributes as sent or returned): one per started 64 KB chunk of their
 * UTF-8 bytes, at least one. Anything that is not a string body or valid attributes (bad input, refused anyway)
 * weighs nothing. Small payloads skip the exact count: a UTF-16 unit is at most 3 UTF-8 bytes, so an upper bound
 * under 64 KB is one request.
 */
export function billedRequests(bodies: readonly unknown[], attributeSets: readonly unknown[] = NO_ATTRIBUTE_SETS): number {
  let bound = 0;
  for (const body of bodies) if (typeof body === "string") bound += body.length * 3;
  for (const attributes of attributeSets) bound += attributesUpperBound(attributes);
  if (bound <= SQS_PRICES.chunkBytes) return 1;
  let bytes = 0;
  for (const body of bodies) if (typeof body === "string") bytes += utf8Length(body);
  for (const attributes of attributeSets) bytes += sentAttributesSize(attributes);
  return Math.max(1, Math.ceil(bytes / SQS_PRICES.chunkBytes));
}

/** At least attributesSize of these attributes once parsed (3 bytes per UTF-16 unit of text), without parsing them. */
function attributesUpperBound(raw: unknown): number {
  if (typeof raw !== "object" || raw === null) return 0;
  let bound = 0;
  for (const name in raw) {
    bound += name.length * 3;
    const value: unknown = (raw as Record<string, unknown>)[name];
    if (typeof value !== "object" || value === null) continue;
    const { DataType, StringValue, BinaryValue } = value as { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown };
    if (typeof DataType === "string") bound += DataType.length * 3;
    if (typeof StringValue === "string") bound += StringValue.length * 3;
    if (BinaryValue instanceof Uint8Array) bound += BinaryValue.length;
  }
  return bound;
}

/** Bytes of one message's MessageAttributes by the size limit's rule (attributesSize, as in sendSize); 0 if invalid. */
function sentAttributesSize(raw: unknown): number {
  if (raw === undefined) return 0;
  const parsed = parseMessageAttributes(raw);
  return parsed.ok && parsed.value.size > 0 ? attributesSize(parsed.value) : 0;
}

/** A FIFO queue's name (and so its URL) ends in ".fifo". */
export function queueTypeOf(queueUrlOrName: unknown): SqsQueueType {
  return typeof queueUrlOrName === "string" && queueUrlOrName.endsWith(".fifo") ? "FIFO" : "standard";
}
