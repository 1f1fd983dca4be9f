/**
 * Queue attributes: validating those given to CreateQueue / SetQueueAttributes, and rendering
 * GetQueueAttributes. Values travel as strings, as in AWS (AWS-FACTS B.2 item 23;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { isDelayed, isInFlight, isVisible } from "./message.ts";
import { isPlainRecord, show } from "./params.ts";
import type { NumericAttributeName, Queue, RedriveAllowPolicy, RedrivePolicy } from "./queue.ts";
import { parseRedriveAllowPolicy, parseRedrivePolicy } from "./redrive-policy.ts";
import {
  DELAY_SECONDS,
  KMS_DATA_KEY_REUSE_PERIOD_SECONDS,
  MAXIMUM_MESSAGE_SIZE,
  MESSAGE_RETENTION_PERIOD,
  RECEIVE_WAIT_TIME_SECONDS,
  VISIBILITY_TIMEOUT,
  type Range,
} from "./sqs-limits.ts";
import type { QueueAttributeName } from "./sqs-types.ts";

type NumericRule = Range & { readonly default: number; readonly unit: string };

const NUMERIC: Readonly<Record<NumericAttributeName, NumericRule>> = {
  VisibilityTimeout: { ...VISIBILITY_TIMEOUT, unit: "seconds" },
  DelaySeconds: { ...DELAY_SECONDS, unit: "seconds" },
  MessageRetentionPeriod: { ...MESSAGE_RETENTION_PERIOD, unit: "seconds" },
  ReceiveMessageWaitTimeSeconds: { ...RECEIVE_WAIT_TIME_SECONDS, unit: "seconds" },
  MaximumMessageSize: { ...MAXIMUM_MESSAGE_SIZE, unit: "bytes" },
};

/** Every name GetQueueAttributes knows (AWS-FACTS B.2 item 23). */
export const QUEUE_ATTRIBUTE_NAMES: readonly QueueAttributeName[] = [
  "All", "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
  "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp",
  "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds",
  "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication",
  "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit",
  "RedriveAllowPolicy", "SqsManagedSseEnabled",
];

const FIFO_ONLY = new Set(["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"]);

/** What a CreateQueue / SetQueueAttributes request asks for, validated. */
export interface ParsedAttributes {
  /** Canonical string per attribute given, as GetQueueAttributes will return it ("" = remove). */
  readonly values: ReadonlyMap<string, string>;
  readonly numeric: Partial<Record<NumericAttributeName, number>>;
  /** null: remove the policy (the attribute set to ""). */
  readonly redrivePolicy: RedrivePolicy | null | undefined;
  readonly redriveAllowPolicy: RedriveAllowPolicy | null | undefined;
}

export type AttributeMode = { readonly kind: "create"; readonly fifoName: boolean } | { readonly kind: "set"; readonly fifo: boolean };

function unknownAttribute(name: string) {
  // AWS-FACTS B.1 item 17: InvalidAttributeName "Unknown Attribute ContentBasedDeduplication."
  return fail("InvalidAttributeName", `Unknown Attribute ${name}.`, {
    hint: `Queue attributes you can set: ${QUEUE_ATTRIBUTE_NAMES.filter((n) => SETTABLE.has(n)).join(", ")}.`,
  });
}

function invalidValue(name: string, reason: string) {
  // "Invalid value for the parameter X." is AWS's wording (AWS-FACTS B.1 item 17); reasons are ours
  // unless noted.
  return fail("InvalidAttributeValue", `Invalid value for the parameter ${name}. Reason: ${reason}`);
}

const SETTABLE = new Set<string>([
  ...Object.keys(NUMERIC), "Policy", "RedrivePolicy", "RedriveAllowPolicy", "FifoQueue", "ContentBasedDeduplication",
  "DeduplicationScope", "FifoThroughputLimit", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
]);

function parseWhole(name: string, value: string, rule: Range & { readonly unit: string }): Outcome<number> {
  const trimmed = value.trim();
  const number = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < rule.min || number > rule.max) {
    return invalidValue(name, `must be a whole number from ${rule.min} to ${rule.max} (${rule.unit}), written as a string such as "${rule.min}".`);
  }
  return ok(number);
}

function parseBoolean(name: string, value: string): Outcome<string> {
  const lower = value.toLowerCase();
  if (lower !== "true" && lower !== "false") return invalidValue(name, `must be "true" or "false".`);
  return ok(lower);
}

function parseChoice(name: string, value: string, choices: readonly string[]): Outcome<string> {
  if (!choices.includes(value)) return invalidValue(name, `must be one of ${choices.map((c) => `"${c}"`).join(", ")}.`);
  return ok(value);
}

/**
 * Validates Attributes for CreateQueue (defaults not applied here) or SetQueueAttributes.
 * Ranges: AWS-FACTS B.1 items 1, 3, 4, 5, 7; FIFO-only attributes: item 17.
 */
export function parseQueueAttributes(raw: unknown, mode: AttributeMode): Outcome<ParsedAttributes> {
  const values = new Map<string, string>();
  const numeric: Partial<Record<NumericAttributeName, number>> = {};
  let redrivePolicy: RedrivePolicy | null | undefined;
  let redriveAllowPolicy: RedriveAllowPolicy | null | undefined;
  if (raw === undefined || raw === null) raw = {};
  if (!isPlainRecord(raw)) {
    return fail("InvalidParameterValue", `Attributes must be an object of attribute names to string values, got ${show(raw)}.`);
  }
  const record = raw;
  const fifo = mode.kind === "create" ? record["FifoQueue"] === "true" || mode.fifoName : mode.fifo;
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (!SETTABLE.has(name)) return unknownAttribute(name);
    if (typeof value !== "string") {
      return invalidValue(name, `attribute values are strings: write "${show(value)}", not ${show(value)}.`);
    }
    if (Object.hasOwn(NUMERIC, name)) {
      const parsed = parseWhole(name, value, NUMERIC[name as NumericAttributeName]);
      if (!parsed.ok) return parsed;
      numeric[name as NumericAttributeName] = parsed.value;
      values.set(name, String(parsed.value));
      continue;
    }
    if (FIFO_ONLY.has(name) && !fifo) {
      // AWS-FACTS B.1 item 17 (LS validated texts).
      if (name === "ContentBasedDeduplication") return unknownAttribute(name);
      return fail("InvalidAttributeName", `You can specify the ${name} only when FifoQueue is set to true.`);
    }
    let canonical: Outcome<string>;
    switch (name) {
      case "FifoQueue": {
        // The queue type cannot change (AWS-FACTS B.1 item 17). LS validated
        // test_set_unsupported_attribute_standard / _fifo: a standard queue does not know the
        // attribute at all; a FIFO queue accepts FifoQueue=true again and refuses false.
        if (mode.kind === "set" && !mode.fifo) return fail("InvalidAttributeName", "Unknown Attribute FifoQueue.");
        canonical = parseBoolean(name, value);
        if (mode.kind === "set" && canonical.ok && canonical.value !== "true") {
          return invalidValue("FifoQueue", "Modifying queue type is not supported.");
        }
        break;
      }
      case "ContentBasedDeduplication":
      case "SqsManagedSseEnabled":
        canonical = parseBoolean(name, value);
        break;
      case "DeduplicationScope":
        canonical = parseChoice(name, value, ["messageGroup", "queue"]);
        break;
      case "FifoThroughputLimit":
        canonical = parseChoice(name, value, ["perQueue", "perMessageGroupId"]);
        break;
      case "KmsDataKeyReusePeriodSeconds": {
        const parsed = parseWhole(name, value, { ...KMS_DATA_KEY_REUSE_PERIOD_SECONDS, unit: "seconds" });
        canonical = parsed.ok ? ok(String(parsed.value)) : parsed;
        break;
      }
      case "KmsMasterKeyId":
        canonical = ok(value);
        break;
      case "Policy":
        canonical = parsePolicy(value);
        break;
      case "RedrivePolicy": {
        const parsed = parseRedrivePolicy(value);
        if (!parsed.ok) return parsed;
        redrivePolicy = parsed.value;
        canonical = ok(parsed.value === null ? "" : JSON.stringify(parsed.value));
        break;
      }
      case "RedriveAllowPolicy": {
        const parsed = parseRedriveAllowPolicy(value);
        if (!parsed.ok) return parsed;
        redriveAllowPolicy = parsed.value;
        canonical = ok(parsed.value === null ? "" : JSON.stringify(parsed.value));
        break;
      }
      default:
        return unknownAttribute(name);
    }
    if (!canonical.ok) return canonical;
    values.set(name, canonical.value);
  }
  if (mode.kind === "create") {
    const fifoValue = values.get("FifoQueue");
    // A FIFO queue needs both the .fifo suffix and FifoQueue=true (API_CreateQueue.html).
    if (mode.fifoName && fifoValue !== "true") {
      return fail(
        "InvalidParameterValue",
        "The name of a FIFO queue must end with .fifo and you must set the attribute FifoQueue to true.",
        { hint: 'Add Attributes: { FifoQueue: "true" }, or drop .fifo from the name for a standard queue.' },
      );
    }
    if (!mode.fifoName && fifoValue === "true") {
      return fail(
        "InvalidParameterValue",
        "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.",
      );
    }
  }
  return ok({ values, numeric, redrivePolicy, redriveAllowPolicy });
}

/**
 * Policy: the queue's access policy, a JSON document (stored as given; SNS delivery evaluates it).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
 */
function parsePolicy(value: string): Outcome<string> {
  if (value === "") return ok("");
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return invalidValue("Policy", "the policy must be a JSON document, such as JSON.stringify({ Version: \"2012-10-17\", Statement: [...] }).");
  }
  if (!isPlainRecord(parsed)) return invalidValue("Policy", "the policy must be a JSON object with a Statement.");
  return ok(value);
}

/** The canonical values of a new queue with defaults applied, as GetQueueAttributes returns them. */
export function defaultAttributeValues(fifo: boolean): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, rule] of Object.entries(NUMERIC)) values.set(name, String(rule.default));
  // New queues report SSE-SQS enabled by default (AWS-FACTS B.2 item 23, validated 2025-08-19).
  values.set("SqsManagedSseEnabled", "true");
  if (fifo) {
    values.set("FifoQueue", "true");
    values.set("ContentBasedDeduplication", "false");
    values.set("DeduplicationScope", "queue");
    values.set("FifoThroughputLimit", "perQueue");
  }
  return values;
}

/** FifoThroughputLimit=perMessageGroupId needs DeduplicationScope=messageGroup (high throughput FIFO). */
export function checkFifoThroughput(values: ReadonlyMap<string, string>): Outcome<true> {
  if (values.get("FifoThroughputLimit") === "perMessageGroupId" && values.get("DeduplicationScope") !== "messageGroup") {
    return invalidValue(
      "FifoThroughputLimit",
      "perMessageGroupId is only valid when DeduplicationScope is messageGroup (high throughput for FIFO queues).",
    );
  }
  return ok(true);
}

/**
 * The first attribute whose given value differs from the existing queue's, if any: CreateQueue is
 * idempotent only for identical attributes (AWS-FACTS B.1 item 15).
 */
export function firstConflictingAttribute(queue: Queue, given: ParsedAttributes): string | undefined {
  for (const [name, value] of given.values) {
    if ((queue.attributes.get(name) ?? "") !== value) return name;
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
    if (!(QUEUE_ATTRIBUTE_NAMES as readonly string[]).includes(name)) {
      return fail("InvalidAttributeName", `Unknown Attribute ${name}.`);
    }
  }
  let visible = 0;
  let inFlight = 0;
  let delayed = 0;
  for (const message of queue.messages.values()) {
    if (isVisible(message, now)) visible += 1;
    else if (isInFlight(message, now)) inFlight += 1;
    else if (isDelayed(message, now)) delayed += 1;
  }
  const all: Record<string, string> = {
    ApproximateNumberOfMessages: String(visible),
    ApproximateNumberOfMessagesDelayed: String(delayed),
    ApproximateNumberOfMessagesNotVisible: String(inFlight),
    CreatedTimestamp: toSeconds(queue.createdAt),
    LastModifiedTimestamp: toSeconds(queue.lastModifiedAt),
    QueueArn: queue.arn,
  };
  for (const [name, value] of queue.attributes) if (value !== "") all[name] = value;
  const wantAll = requested.includes("All");
  const out: Partial<Record<QueueAttributeName, string>> = {};
  for (const name of Object.keys(all).sort()) {
    if (wantAll || requested.includes(name)) out[name as QueueAttributeName] = all[name]!;
  }
  return ok(out);
}
