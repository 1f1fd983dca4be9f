/**
 * SendMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * Split into three steps that SendMessageBatch reuses per entry: read the fields, check them
 * against the queue (FIFO rules, size), then commit (enqueue, or deduplicate on FIFO queues).
 */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import { contentDeduplicationId, deduplicationKey, findDuplicate, nextSequenceNumber, rememberDeduplication, validateFifoId } from "../fifo.ts";
import { randomUuid } from "../ids.ts";
import { md5Hex } from "../md5.ts";
import {
  attributesMd5,
  attributesSize,
  parseMessageAttributes,
  parseSystemAttributes,
  systemAttributesMd5,
  type StoredAttributes,
} from "../message-attributes.ts";
import { newStoredMessage } from "../message-factory.ts";
import { asParams, invalid, missing, optionalInteger, optionalString, presentString, requiredString, type Params } from "../params.ts";
import { enqueue } from "../queue-index.ts";
import type { Queue } from "../queue.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { DELAY_SECONDS } from "../sqs-limits.ts";
import type { SendMessageResult } from "../sqs-types.ts";
import { SEND } from "../trace-shapes.ts";

/** Characters SQS accepts: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (quotas-messages.html). */
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const INVALID_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TRACE_BODY_PREVIEW = 200;
const FIFO_OK: Outcome<true> = Object.freeze({ ok: true, value: true });

export interface SendFields {
  readonly body: string;
  readonly delaySeconds: number | undefined;
  readonly attributes: StoredAttributes;
  readonly traceHeader: string | undefined;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
}

export interface PreparedSend extends SendFields {
  /** Bytes counted against MaximumMessageSize and the batch limit. */
  readonly size: number;
  /**
   * The body as sent, when invalid characters were replaced in `body`: SendMessage's MD5OfMessageBody is the
   * digest of what the sender sent (the SDK checks it against its own), ReceiveMessage's that of what is stored.
   */
  readonly sentBody?: string;
}

/** Reads and validates the fields of a send (or of one batch entry) that need no queue. */
export function readSendFields(params: Params): Outcome<SendFields> {
  // An empty body is MissingParameter (AWS-FACTS B.1 item 12).
  const presentBody = presentString(params, "MessageBody");
  const body = presentBody !== undefined ? { ok: true as const, value: presentBody } : requiredString(params, "MessageBody");
  if (!body.ok) return body;
  // Per-message delay 0-900 s (AWS-FACTS B.1 item 4); the reason text is moto's (UNVERIFIED).
  const delay = optionalInteger(params, "DelaySeconds", DELAY_SECONDS, "DelaySeconds must be >= 0 and <= 900.");
  if (!delay.ok) return delay;
  const attributes = parseMessageAttributes(params["MessageAttributes"]);
  if (!attributes.ok) return attributes;
  const traceHeader = parseSystemAttributes(params["MessageSystemAttributes"]);
  if (!traceHeader.ok) return traceHeader;
  const groupId = optionalString(params, "MessageGroupId");
  if (!groupId.ok) return groupId;
  const deduplicationId = optionalString(params, "MessageDeduplicationId");
  if (!deduplicationId.ok) return deduplicationId;
  return ok({
    body: body.value,
    delaySeconds: delay.value,
    attributes: attributes.value,
    traceHeader: traceHeader.value,
    groupId: groupId.value,
    deduplicationId: deduplicationId.value,
  });
}

/**
 * Current SendMessage doc: invalid characters are replaced with U+FFFD "as long as the message
 * body contains at least one valid character" (AWS-FACTS B.1 item 12 notes an older behaviour
 * that rejected them; the current doc wins). A body of only invalid characters is refused.
 */
function cleanBody(body: string): Outcome<string> {
  if (!INVALID_CHARACTER.test(body)) return ok(body);
  const cleaned = body.replace(INVALID_CHARACTERS, "\uFFFD");
  if ([...cleaned].every((char) => char === "\uFFFD")) {
    return fail(
      "InvalidMessageContents",
      "Invalid characters found. The message body must contain at least one character SQS accepts " +
        "(tab, newline, carriage return, or Unicode from U+0020 on, except U+FFFE and U+FFFF).",
    );
  }
  return ok(cleaned);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** FIFO rules of AWS-FACTS B.1 item 4 and B.4 items 29-30; `batch` changes one error code (item 30). */
function checkFifoFields(queue: Queue, fields: SendFields, batch: boolean): Outcome<true> {
  if (fields.groupId !== undefined) {
    const group = validateFifoId("MessageGroupId", fields.groupId);
    if (!group.ok) return group;
  }
  if (fields.deduplicationId !== undefined) {
    const dedup = validateFifoId("MessageDeduplicationId", fields.deduplicationId);
    if (!dedup.ok) return dedup;
  }
  if (!queue.fifo) {
    // Deduplication is FIFO-only. (A MessageGroupId is accepted: fair queues use it on standard queues.)
    if (fields.deduplicationId !== undefined) {
      return invalid("MessageDeduplicationId", fields.deduplicationId, "The request include parameter that is not valid for this queue type.");
    }
    return FIFO_OK;
  }
  if (fields.groupId === undefined) {
    return batch
      ? fail("InvalidParameterValue", "The request must contain the parameter MessageGroupId.")
      : missing("MessageGroupId");
  }
  if (fields.delaySeconds !== undefined && fields.delaySeconds !== 0) {
    return fail(
      "InvalidParameterValue",
      `Value ${fields.delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`,
      { hint: "FIFO queues have no per-message delay: set DelaySeconds on the queue instead." },
    );
  }
  if (fields.deduplicationId === undefined && !queue.contentBasedDeduplication) {
    return fail(
      "InvalidParameterValue",
      "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
      { hint: 'Pass a MessageDeduplicationId, or create the queue with ContentBasedDeduplication: "true".' },
    );
  }
  return FIFO_OK;
}

/** Checks the fields against the queue: FIFO rules, characters, size. */
export function prepareSend(queue: Queue, fields: SendFields, batch: boolean): Outcome<PreparedSend> {
  const fifo = checkFifoFields(queue, fields, batch);
  if (!fifo.ok) return fifo;
  const body = cleanBody(fields.body);
  if (!body.ok) return body;
  // Size = body + attribute names, types and values (AWS-FACTS B.1 item 5; formula UNVERIFIED).
  const attributeBytes = fields.attributes.size === 0 ? 0 : attributesSize(fields.attributes);
  const max = queue.settings.MaximumMessageSize;
  // Every UTF-16 unit is at most 3 UTF-8 bytes: short bodies need no exact count.
  const size = body.value.length * 3 + attributeBytes <= max ? body.value.length + attributeBytes : utf8Length(body.value) + attributeBytes;
  if (size > max) {
    return fail("InvalidParameterValue", `One or more parameters are invalid. Reason: Message must be shorter than ${max} bytes.`, {
      hint: `This message is ${size} bytes. Store large payloads elsewhere (e.g. S3) and send a reference.`,
    });
  }
  return ok({
    body: body.value,
    ...(body.value === fields.body ? {} : { sentBody: fields.body }),
    delaySeconds: fields.delaySeconds,
    attributes: fields.attributes,
    traceHeader: fields.traceHeader,
    groupId: fields.groupId,
    deduplicationId: fields.deduplicationId,
    size,
  });
}

/** Enqueues a prepared send, or on a FIFO queue answers for the earlier copy within 5 minutes. */
export function commitSend(ctx: SqsContext, queue: Queue, send: PreparedSend): SendMessageResult {
  const now = ctx.clock.now();
  const md5OfBody = md5Hex(send.body);
  const md5OfSentBody = send.sentBody === undefined ? md5OfBody : md5Hex(send.sentBody);
  const md5OfMessageAttributes = send.attributes.size === 0 ? undefined : attributesMd5(send.attributes);
  const md5OfMessageSystemAttributes = systemAttributesMd5(send.traceHeader);
  let deduplicationId: string | undefined;
  let sequenceNumber: string | undefined;
  if (queue.fifo) {
    deduplicationId = send.deduplicationId ?? contentDeduplicationId(send.body);
    const key = deduplicationKey(queue, send.groupId!, deduplicationId);
    const earlier = findDuplicate(queue, key, now);
    if (earlier !== undefined) {
      // "accepted successfully but aren't delivered during the 5-minute deduplication interval"
      // (AWS-FACTS B.4 item 28): the answer names the message first sent.
      ctx.trace.record("sqs", "deduplicated", queue.arn, { messageId: earlier.messageId, deduplicationId });
      return result(earlier.messageId, md5OfSentBody, md5OfMessageAttributes, md5OfMessageSystemAttributes, earlier.sequenceNumber);
    }
    sequenceNumber = nextSequenceNumber(queue);
  }
  // Standard queues: a queue delay applies from the send (not retroactive). FIFO queues: only the
  // queue delay, which is retroactive (set-queue-attributes.ts).
  const delaySeconds = send.delaySeconds ?? queue.settings.DelaySeconds;
  const message = newStoredMessage(ctx, queue, {
    messageId: randomUuid(ctx.random),
    body: send.body,
    md5OfBody,
    attributes: send.attributes,
    md5OfMessageAttributes,
    traceHeader: send.traceHeader,
    md5OfMessageSystemAttributes,
    sentTimestamp: now,
    nextVisibleAt: now + delaySeconds * 1000,
    groupId: queue.fifo ? send.groupId : undefined,
    deduplicationId,
    sequenceNumber,
    deadLetterSourceArn: undefined,
  });
  if (queue.fifo) rememberDeduplication(queue, deduplicationKey(queue, send.groupId!, deduplicationId!), message.messageId, sequenceNumber!, now);
  const preview = send.body.length > TRACE_BODY_PREVIEW ? `${send.body.slice(0, TRACE_BODY_PREVIEW)}…` : send.body;
  ctx.trace.recordCompact(SEND, queue.arn, message.messageId, preview, delaySeconds, 0);
  enqueue(ctx, queue, message, message.groupId);
  return result(message.messageId, md5OfSentBody, md5OfMessageAttributes, md5OfMessageSystemAttributes, sequenceNumber);
}

function result(
  messageId: string,
  md5OfBody: string,
  md5OfAttributes: string | undefined,
  md5OfSystem: string | undefined,
  sequenceNumber: string | undefined,
): SendMessageResult {
  const out: SendMessageResult = { MessageId: messageId, MD5OfMessageBody: md5OfBody };
  if (md5OfAttributes !== undefined) out.MD5OfMessageAttributes = md5OfAttributes;
  if (md5OfSystem !== undefined) out.MD5OfMessageSystemAttributes = md5OfSystem;
  if (sequenceNumber !== undefined) out.SequenceNumber = sequenceNumber;
  return out;
}

export function sendMessage(ctx: SqsContext, input: unknown): Outcome<SendMessageResult> {
  const params = asParams(input);
  let queueUrl = presentString(params, "QueueUrl");
  if (queueUrl === undefined) {
    const url = requiredString(params, "QueueUrl");
    if (!url.ok) return url;
    queueUrl = url.value;
  }
  const fields = readSendFields(params);
  if (!fields.ok) return fields;
  const queue = findQueue(ctx, queueUrl);
  if (!queue.ok) return queue;
  const prepared = prepareSend(queue.value, fields.value, false);
  if (!prepared.ok) return prepared;
  return ok(commitSend(ctx, queue.value, prepared.value));
}
