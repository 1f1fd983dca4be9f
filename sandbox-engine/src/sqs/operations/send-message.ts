/**
 * SendMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * Split into three steps that SendMessageBatch reuses per entry: read the fields, check them
 * against the queue (FIFO rules, size), then commit (enqueue, or deduplicate on FIFO queues).
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { contentDeduplicationId, deduplicationKey, findDuplicate, nextSequenceNumber, rememberDeduplication, validateFifoId } from "../fifo.ts";
import { md5Hex } from "../md5.ts";
import {
  attributesMd5,
  attributesSize,
  hasInvalidCharacter,
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

const TRACE_BODY_PREVIEW = 200;
const CHECKED: Outcome<true> = Object.freeze({ ok: true, value: true });

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
}

/** Reads and validates the fields of a send (or of one batch entry) that need no queue. */
export function readSendFields(params: Params): Outcome<SendFields> {
  // An empty body is MissingParameter (AWS-FACTS B.1 item 12).
  const presentBody = presentString(params, "MessageBody");
  const body = presentBody !== undefined ? { ok: true as const, value: presentBody } : requiredString(params, "MessageBody");
  if (!body.ok) return body;
  // Per-message delay 0-900 s (AWS-FACTS B.1 item 4). The reason text is moto's, UNVERIFIED: the
  // snapshots recorded against AWS hold only the FIFO DelaySeconds error, not an out-of-range one.
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
 * API_SendMessage.html (current): "If a message contains characters outside the allowed set,
 * Amazon SQS rejects the message and returns an InvalidMessageContents error" (an older text that
 * replaced them with U+FFFD is superseded; LS validated test_send_message_with_invalid_payload_characters).
 * The message text is UNVERIFIED: the LocalStack snapshots check only the code, and the docs corpus
 * and the AWS SDK models searched ("InvalidMessageContents") give no response text.
 */
function checkBodyCharacters(body: string): Outcome<true> {
  if (!hasInvalidCharacter(body)) return CHECKED;
  return fail(
    "InvalidMessageContents",
    "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF",
    { hint: "Remove control characters (other than tab, newline and carriage return) and U+FFFE/U+FFFF from the body, or base64-encode binary data." },
  );
}

/** UTF-8 length of a string (a lone surrogate counts 3 bytes, as U+FFFD). */
export function utf8Length(text: string): number {
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

/**
 * FIFO rules of AWS-FACTS B.1 item 4 and B.4 items 29-30. (In a batch, a missing MessageGroupId or
 * deduplication id fails the whole request before this runs: send-message-batch.ts.)
 */
function checkFifoFields(queue: Queue, fields: SendFields): Outcome<true> {
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
    return CHECKED;
  }
  if (fields.groupId === undefined) return missing("MessageGroupId");
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
  return CHECKED;
}

/** Bytes a send counts against MaximumMessageSize and the batch limit: body plus attributes. */
export function sendSize(fields: SendFields): number {
  // Body + attribute names, types and values (AWS-FACTS B.1 item 5; see attributesSize for why the
  // formula stays UNVERIFIED).
  const attributeBytes = fields.attributes.size === 0 ? 0 : attributesSize(fields.attributes);
  return utf8Length(fields.body) + attributeBytes;
}

/** Checks the fields against the queue: FIFO rules, characters, size. */
export function prepareSend(queue: Queue, fields: SendFields, batch: boolean): Outcome<PreparedSend> {
  const fifo = checkFifoFields(queue, fields);
  if (!fifo.ok) return fifo;
  const characters = checkBodyCharacters(fields.body);
  if (!characters.ok) return characters;
  const max = queue.settings.MaximumMessageSize;
  const size = sendSize(fields);
  if (size > max) {
    // Validated texts: "are invalid" for SendMessage (AWS-FACTS B.1 item 5), "cannot be validated"
    // for a batch entry (LS validated test_send_batch_message_size).
    const verb = batch ? "cannot be validated" : "are invalid";
    return fail("InvalidParameterValue", `One or more parameters ${verb}. Reason: Message must be shorter than ${max} bytes.`, {
      hint: `This message is ${size} bytes. Store large payloads elsewhere (e.g. S3) and send a reference.`,
    });
  }
  return ok({ ...fields, size });
}

/** Enqueues a prepared send, or on a FIFO queue answers for the earlier copy within 5 minutes. */
export function commitSend(ctx: SqsContext, queue: Queue, send: PreparedSend, cause = -1): SendMessageResult {
  const now = ctx.clock.now();
  const md5OfBody = md5Hex(send.body);
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
      ctx.trace.record("sqs", "deduplicated", queue.arn, { messageId: earlier.messageId, deduplicationId }, cause);
      return result(earlier.messageId, md5OfBody, md5OfMessageAttributes, md5OfMessageSystemAttributes, earlier.sequenceNumber);
    }
    sequenceNumber = nextSequenceNumber(queue);
  }
  // Standard queues: a queue delay applies from the send (not retroactive). FIFO queues: only the
  // queue delay, which is retroactive (set-queue-attributes.ts); an explicit DelaySeconds: 0 still
  // gets it (LS validated test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay).
  const delaySeconds = queue.fifo ? queue.settings.DelaySeconds : send.delaySeconds ?? queue.settings.DelaySeconds;
  const message = newStoredMessage(ctx, queue, {
    messageId: ctx.random.uuid(),
    body: send.body,
    md5OfBody,
    attributes: send.attributes,
    md5OfMessageAttributes,
    traceHeader: send.traceHeader,
    md5OfMessageSystemAttributes,
    sentTimestamp: now,
    nextVisibleAt: now + delaySeconds * 1000,
    // Standard queues keep a MessageGroupId too (fair queues) and return it on receive, without
    // FIFO ordering (LS validated 2025-08-18 test_fair_queue_with_message_group_id).
    groupId: send.groupId,
    deduplicationId,
    sequenceNumber,
    deadLetterSourceArn: undefined,
  });
  if (queue.fifo) rememberDeduplication(queue, deduplicationKey(queue, send.groupId!, deduplicationId!), message.messageId, sequenceNumber!, now);
  const preview = send.body.length > TRACE_BODY_PREVIEW ? `${send.body.slice(0, TRACE_BODY_PREVIEW)}…` : send.body;
  message.sentSeq = ctx.trace.recordCompact(SEND, queue.arn, message.messageId, preview, delaySeconds, 0, cause);
  enqueue(ctx, queue, message, queue.fifo ? message.groupId : undefined);
  return result(message.messageId, md5OfBody, md5OfMessageAttributes, md5OfMessageSystemAttributes, sequenceNumber);
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

/** `cause`: trace seq of what made this send (an SNS delivery), -1 for none. */
export function sendMessage(ctx: SqsContext, input: unknown, cause = -1): Outcome<SendMessageResult> {
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
  return ok(commitSend(ctx, queue.value, prepared.value, cause));
}
