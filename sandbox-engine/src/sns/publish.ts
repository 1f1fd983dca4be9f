/**
 * What Publish and PublishBatch (operations/publish.ts, publish-batch.ts) share
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, API_PublishBatch.html): validate,
 * deduplicate (FIFO), then fan out to every confirmed
 * subscription whose filter policy matches, in subscription order.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { fail, ok } from "../core/outcome.ts";
import { deliver } from "./delivery/deliver.ts";
import { messageFor, type PublishedAttribute, type PublishedMessage } from "./delivery/message.ts";
import { FilterInput, matchesFilterPolicy } from "./filter-policy/index.ts";
import { isPlainRecord, optional, required, show } from "./params.ts";
import { invalidParameter, type SnsContext, type TopicState } from "./sns-context.ts";
import type { PublishResponse } from "./sns-types.ts";
import { DEFAULT_MAXIMUM_MESSAGE_SIZE } from "./topics.ts";
import type { SnsOutcome } from "./sns-faults.ts";

/** "Amazon SNS FIFO topics ... deduplication interval of 5 minutes" (fifo-message-dedup.html). */
export const DEDUPLICATION_INTERVAL_MS = 5 * 60 * 1000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const FIFO_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;
const encoder = new TextEncoder();

function parameterValueInvalid(message: string) {
  return fail("InvalidParameterValueException", message, { queryCode: "ParameterValueInvalid" });
}

/** Message attributes (sns-message-attributes.html): String, String.Array, Number, Binary. */
function parseAttributes(raw: unknown): SnsOutcome<Map<string, PublishedAttribute>> {
  const out = new Map<string, PublishedAttribute>();
  if (raw === undefined || raw === null) return ok(out);
  if (!isPlainRecord(raw)) return parameterValueInvalid(`MessageAttributes must be an object of name -> { DataType, StringValue }, got ${show(raw)}.`);
  for (const [name, value] of Object.entries(raw)) {
    if (!ATTRIBUTE_NAME.test(name) || name.startsWith(".") || name.endsWith(".") || name.includes("..") || /^(aws|amazon)\./i.test(name)) {
      return parameterValueInvalid(`The message attribute name '${name}' is invalid.`); // wording UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
    }
    if (!isPlainRecord(value) || typeof value["DataType"] !== "string") {
      return parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute type.`);
    }
    const type = value["DataType"];
    const base = type.split(".")[0];
    // Each type uses its own field (AWS-recorded texts: LocalStack's test_empty_or_wrong_message_attributes snapshot).
    if (base === "Binary" && value["BinaryValue"] === undefined && value["StringValue"] !== undefined) {
      return parameterValueInvalid(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
    }
    if ((base === "String" || base === "Number") && value["StringValue"] === undefined && value["BinaryValue"] !== undefined) {
      return parameterValueInvalid(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
    }
    if (base === "Binary") {
      const bytes = value["BinaryValue"];
      if (!(bytes instanceof Uint8Array) || bytes.length === 0) return parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      out.set(name, { type, value: btoa(text), binary: new Uint8Array(bytes) });
      continue;
    }
    if (base !== "String" && base !== "Number") {
      return parameterValueInvalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    const text = value["StringValue"];
    if (typeof text !== "string" || text === "") {
      return parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
    }
    if (base === "Number" && !NUMBER.test(text.trim())) {
      return parameterValueInvalid(`An error occurred while trying to parse the value '${text}' of message attribute '${name}' as a number.`); // UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
    }
    if (type === "String.Array") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (!Array.isArray(parsed)) return parameterValueInvalid(`The message attribute '${name}' with type 'String.Array' has an invalid value: it must be a JSON array such as ["a","b"].`); // UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
    }
    out.set(name, { type, value: text });
  }
  return ok(out);
}

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

export interface PreparedPublish {
  readonly message: string;
  readonly subject: string | undefined;
  readonly perProtocol: Record<string, string> | undefined;
  readonly attributes: Map<string, PublishedAttribute>;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly size: number;
}

/** Validates one message (a Publish, or one PublishBatch entry) against its topic. */
export function prepare(topic: TopicState, params: Readonly<Record<string, unknown>>): SnsOutcome<PreparedPublish> {
  const message = params["Message"];
  if (typeof message !== "string" || message === "") return invalidParameter("Invalid parameter: Empty message", "Publish needs a Message (a non-empty string).");
  const subject = optional(params, "Subject");
  if (!subject.ok) return subject;
  // "Subjects must be UTF-8 text with no line breaks or control characters, and less than 100 characters long"
  // (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html); the text of the fault is AWS's (LocalStack snapshots).
  if (subject.value !== undefined && (subject.value === "" || [...subject.value].length > 100 || /\p{Cc}/u.test(subject.value))) {
    return invalidParameter("Invalid parameter: Subject", "A Subject is 1-100 characters of text on one line, without control characters.");
  }
  const structure = optional(params, "MessageStructure");
  if (!structure.ok) return structure;
  let perProtocol: Record<string, string> | undefined;
  if (structure.value !== undefined) {
    if (structure.value !== "json") return invalidParameter("Invalid parameter: MessageStructure", 'The only MessageStructure is "json".');
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
    }
    if (!isPlainRecord(parsed)) return invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
    // Keys for protocols must have string values; others are ignored.
    perProtocol = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") perProtocol[key] = value;
    if (perProtocol["default"] === undefined) {
      return invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body", 'With MessageStructure "json", Message is JSON.stringify({ default: "...", sqs: "...", email: "..." }).');
    }
  }
  const attributes = parseAttributes(params["MessageAttributes"]);
  if (!attributes.ok) return attributes;
  const groupId = optional(params, "MessageGroupId");
  if (!groupId.ok) return groupId;
  const deduplicationId = optional(params, "MessageDeduplicationId");
  if (!deduplicationId.ok) return deduplicationId;
  // Size = message + attribute names, types and values (large-message-payloads.html: "the combined size").
  let size = byteLength(message);
  for (const [name, attribute] of attributes.value) size += byteLength(name) + byteLength(attribute.type) + (attribute.binary?.length ?? byteLength(attribute.value));
  const max = Number(topic.attributes.get("MaximumMessageSize") ?? DEFAULT_MAXIMUM_MESSAGE_SIZE);
  if (size > max) {
    return invalidParameter("Invalid parameter: Message too long", `This message is ${size} bytes; topic ${topic.name} accepts up to ${max} (MaximumMessageSize). Store large payloads elsewhere and publish a reference.`);
  }
  // Standard topics take an optional MessageGroupId too, "forwarded only to Amazon SQS standard subscriptions to
  // activate fair queues ... When provided, the same validation rules apply as for FIFO topics" (API_Publish.html).
  if (groupId.value !== undefined && !FIFO_ID.test(groupId.value)) {
    return invalidParameter("Invalid parameter: MessageGroupId Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length."); // UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
  }
  if (topic.fifo) {
    if (groupId.value === undefined) return invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
    if (!FIFO_ID.test(groupId.value)) return invalidParameter("Invalid parameter: MessageGroupId Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length."); // UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
    if (deduplicationId.value === undefined && topic.attributes.get("ContentBasedDeduplication") !== "true") {
      return invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
    }
    if (deduplicationId.value !== undefined && !FIFO_ID.test(deduplicationId.value)) {
      return invalidParameter("Invalid parameter: MessageDeduplicationId Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length."); // UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
    }
  } else if (deduplicationId.value !== undefined) {
    return invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
  }
  return ok({
    message,
    subject: subject.value,
    perProtocol,
    // "Message attributes are sent only when the message structure is String, not JSON" (AWS-FACTS A.1 item 8).
    attributes: perProtocol === undefined ? attributes.value : new Map(),
    groupId: groupId.value,
    deduplicationId: deduplicationId.value,
    size,
  });
}

/** Commits a prepared message: FIFO deduplication, then fan-out. */
export function commit(ctx: SnsContext, topic: TopicState, prepared: PreparedPublish): PublishResponse {
  const now = ctx.clock.now();
  let deduplicationId: string | undefined;
  let sequenceNumber: string | undefined;
  if (topic.fifo) {
    // Content-based: "SHA-256 hash ... using the body of the message" (fifo-message-dedup.html).
    deduplicationId = prepared.deduplicationId ?? bytesToHex(sha256(utf8ToBytes(prepared.message)));
    for (const [key, entry] of topic.deduplication) {
      if (entry.expiresAt > now) break;
      topic.deduplication.delete(key);
    }
    const earlier = topic.deduplication.get(deduplicationId);
    if (earlier !== undefined) {
      ctx.trace.record("sns", "deduplicated", topic.arn, { messageId: earlier.messageId, deduplicationId });
      return { MessageId: earlier.messageId, SequenceNumber: earlier.sequenceNumber };
    }
    topic.nextSequenceNumber += 1n;
    sequenceNumber = topic.nextSequenceNumber.toString();
  }
  const messageId = ctx.random.uuid();
  if (deduplicationId !== undefined) topic.deduplication.set(deduplicationId, { expiresAt: now + DEDUPLICATION_INTERVAL_MS, messageId, sequenceNumber: sequenceNumber! });
  const message: PublishedMessage = {
    messageId,
    topic,
    subject: prepared.subject,
    message: prepared.message,
    perProtocol: prepared.perProtocol,
    attributes: prepared.attributes,
    timestamp: now,
    groupId: prepared.groupId,
    deduplicationId,
    sequenceNumber,
    filterInput: new FilterInput(prepared.attributes),
  };
  const published = ctx.trace.record("sns", "publish", topic.arn, {
    messageId,
    subscriptions: topic.subscriptions.size,
    message: prepared.message.length > 200 ? `${prepared.message.slice(0, 200)}…` : prepared.message,
  });
  for (const subscription of [...topic.subscriptions]) {
    if (subscription.pending) continue; // nothing reaches an unconfirmed subscription
    if (!matchesFilterPolicy(subscription.filter, message.filterInput, messageFor(message, subscription.protocol))) {
      ctx.trace.record("sns", "filtered-out", topic.arn, { messageId, subscription: subscription.arn }, published.seq);
      continue;
    }
    deliver(ctx, subscription, message, published.seq);
  }
  return sequenceNumber === undefined ? { MessageId: messageId } : { MessageId: messageId, SequenceNumber: sequenceNumber };
}

export const BATCH_ID = /^[A-Za-z0-9_-]{1,80}$/;

