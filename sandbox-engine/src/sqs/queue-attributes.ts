/**
 * Queue attributes: parsing those given to CreateQueue, and rendering GetQueueAttributes.
 * Values travel as strings, as in AWS (AWS-FACTS B.2 item 23;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html).
 */
import { fail, ok, type Outcome } from "../errors/fault.ts";
import { isDelayed, isInFlight, isVisible } from "./message.ts";
import { isPlainRecord, show } from "./params.ts";
import type { NumericAttributeName, Queue, QueueSettings } from "./queue.ts";
import {
  DELAY_SECONDS,
  MAXIMUM_MESSAGE_SIZE,
  MESSAGE_RETENTION_PERIOD,
  RECEIVE_WAIT_TIME_SECONDS,
  VISIBILITY_TIMEOUT,
  type Range,
} from "./sqs-limits.ts";
import type { QueueAttributeName } from "./sqs-types.ts";

const NUMERIC: Readonly<Record<NumericAttributeName, Range & { readonly default: number; readonly unit: string }>> = {
  VisibilityTimeout: { ...VISIBILITY_TIMEOUT, unit: "seconds" },
  DelaySeconds: { ...DELAY_SECONDS, unit: "seconds" },
  MessageRetentionPeriod: { ...MESSAGE_RETENTION_PERIOD, unit: "seconds" },
  ReceiveMessageWaitTimeSeconds: { ...RECEIVE_WAIT_TIME_SECONDS, unit: "seconds" },
  MaximumMessageSize: { ...MAXIMUM_MESSAGE_SIZE, unit: "bytes" },
};

export const DEFAULT_SETTINGS: QueueSettings = {
  VisibilityTimeout: VISIBILITY_TIMEOUT.default,
  DelaySeconds: DELAY_SECONDS.default,
  MessageRetentionPeriod: MESSAGE_RETENTION_PERIOD.default,
  ReceiveMessageWaitTimeSeconds: RECEIVE_WAIT_TIME_SECONDS.default,
  MaximumMessageSize: MAXIMUM_MESSAGE_SIZE.default,
};

/** Accepted and returned by GetQueueAttributes, but with no simulated behaviour. */
const PASSTHROUGH = new Set(["Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "RedriveAllowPolicy"]);

/** Real attributes that this sandbox does not simulate yet: refused rather than silently ignored. */
const NOT_YET: Readonly<Record<string, string>> = {
  RedrivePolicy: "dead-letter queues (RedrivePolicy) are not supported by this sandbox yet.",
  FifoQueue: "FIFO queues are not supported by this sandbox yet: create a standard queue (no FifoQueue attribute).",
  // AWS's texts for FIFO-only attributes on a standard queue (AWS-FACTS B.1 item 17).
  DeduplicationScope: "You can specify the DeduplicationScope only when FifoQueue is set to true.",
  FifoThroughputLimit: "You can specify the FifoThroughputLimit only when FifoQueue is set to true.",
};

const ALL_NAMES: readonly QueueAttributeName[] = [
  "All", "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
  "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp",
  "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds",
  "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication",
  "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit",
  "RedriveAllowPolicy", "SqsManagedSseEnabled",
];

export interface CreateAttributes {
  readonly settings: Partial<QueueSettings>;
  readonly passthrough: Readonly<Record<string, string>>;
}

function isNumericName(name: string): name is NumericAttributeName {
  return Object.hasOwn(NUMERIC, name);
}

function unknownAttribute(name: string) {
  // AWS-FACTS B.1 item 17: InvalidAttributeName "Unknown Attribute ContentBasedDeduplication."
  return fail("InvalidAttributeName", `Unknown Attribute ${name}.`);
}

function parseNumeric(name: NumericAttributeName, value: unknown): Outcome<number> {
  const rule = NUMERIC[name];
  const reason = `Reason: must be a whole number from ${rule.min} to ${rule.max} (${rule.unit}), written as a string.`;
  if (typeof value !== "string") {
    return fail(
      "InvalidAttributeValue",
      `Invalid value for the parameter ${name}. Reason: attribute values are strings: write "${show(value)}", not ${show(value)}.`,
    );
  }
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < rule.min || number > rule.max) {
    // "Invalid value for the parameter X." is AWS's wording (AWS-FACTS B.1 item 17); the reason is ours.
    return fail("InvalidAttributeValue", `Invalid value for the parameter ${name}. ${reason}`);
  }
  return ok(number);
}

/** Validates CreateQueue's Attributes (ranges from AWS-FACTS B.1 items 1, 3, 4, 5, 7). */
export function parseCreateAttributes(raw: unknown): Outcome<CreateAttributes> {
  if (raw === undefined || raw === null) return ok({ settings: {}, passthrough: {} });
  if (!isPlainRecord(raw)) {
    return fail("InvalidParameterValue", `Attributes must be an object of attribute names to string values, got ${show(raw)}.`);
  }
  const settings: Partial<Record<NumericAttributeName, number>> = {};
  const passthrough: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (isNumericName(name)) {
      const parsed = parseNumeric(name, value);
      if (!parsed.ok) return parsed;
      settings[name] = parsed.value;
    } else if (PASSTHROUGH.has(name)) {
      if (typeof value !== "string") {
        return fail("InvalidAttributeValue", `Invalid value for the parameter ${name}. Reason: attribute values are strings.`);
      }
      passthrough[name] = value;
    } else if (Object.hasOwn(NOT_YET, name)) {
      return fail("InvalidAttributeName", `${NOT_YET[name]}`);
    } else {
      return unknownAttribute(name);
    }
  }
  return ok({ settings, passthrough });
}

/**
 * The first attribute whose given value differs from the existing queue's, if any: CreateQueue is
 * idempotent only for identical attributes (AWS-FACTS B.1 item 15).
 */
export function firstConflictingAttribute(queue: Queue, given: CreateAttributes): string | undefined {
  for (const [name, value] of Object.entries(given.settings)) {
    if (queue.settings[name as NumericAttributeName] !== value) return name;
  }
  for (const [name, value] of Object.entries(given.passthrough)) {
    if (queue.passthrough[name] !== value) return name;
  }
  return undefined;
}

function toSeconds(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}

/** Renders the requested attributes; counts are exact, computed from isVisible (no drift). */
export function renderAttributes(
  queue: Queue,
  requested: readonly string[],
  now: number,
): Outcome<Partial<Record<QueueAttributeName, string>>> {
  for (const name of requested) {
    if (!(ALL_NAMES as readonly string[]).includes(name)) return unknownAttribute(name);
  }
  let visible = 0;
  let inFlight = 0;
  let delayed = 0;
  for (const message of queue.messages.values()) {
    if (isVisible(message, now)) visible += 1;
    else if (isInFlight(message, now)) inFlight += 1;
    else if (isDelayed(message, now)) delayed += 1;
  }
  const s = queue.settings;
  const all: Partial<Record<QueueAttributeName, string>> = {
    ApproximateNumberOfMessages: String(visible),
    ApproximateNumberOfMessagesDelayed: String(delayed),
    ApproximateNumberOfMessagesNotVisible: String(inFlight),
    CreatedTimestamp: toSeconds(queue.createdAt),
    DelaySeconds: String(s.DelaySeconds),
    LastModifiedTimestamp: toSeconds(queue.lastModifiedAt),
    MaximumMessageSize: String(s.MaximumMessageSize),
    MessageRetentionPeriod: String(s.MessageRetentionPeriod),
    QueueArn: queue.arn,
    ReceiveMessageWaitTimeSeconds: String(s.ReceiveMessageWaitTimeSeconds),
    // New queues report SSE-SQS enabled by default (AWS-FACTS B.2 item 23, validated 2025-08-19).
    SqsManagedSseEnabled: "true",
    VisibilityTimeout: String(s.VisibilityTimeout),
    ...queue.passthrough,
  };
  const wantAll = requested.includes("All");
  const out: Partial<Record<QueueAttributeName, string>> = {};
  for (const [name, value] of Object.entries(all) as Array<[QueueAttributeName, string]>) {
    if (wantAll || requested.includes(name)) out[name] = value;
  }
  return ok(out);
}
