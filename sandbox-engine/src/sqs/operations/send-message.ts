/** SendMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import { md5Hex } from "../md5.ts";
import { attributesMd5, attributesSize, parseMessageAttributes } from "../message-attributes.ts";
import type { StoredMessage } from "../message.ts";
import { asParams, invalid, optionalInteger, optionalString, requiredString } from "../params.ts";
import { findQueue, notifyPollers, scheduleAvailability, type SqsContext } from "../sqs-context.ts";
import { DELAY_SECONDS } from "../sqs-limits.ts";
import type { SendMessageResult } from "../sqs-types.ts";

/** Characters SQS accepts: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (quotas-messages.html). */
const INVALID_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TRACE_BODY_PREVIEW = 200;
const encoder = new TextEncoder();

/**
 * Current SendMessage doc: invalid characters are replaced with U+FFFD "as long as the message
 * body contains at least one valid character" (AWS-FACTS B.1 item 12 notes an older behaviour
 * that rejected them; the current doc wins). A body of only invalid characters is refused.
 */
function cleanBody(body: string): Outcome<string> {
  const cleaned = body.replace(INVALID_CHARACTERS, "\uFFFD");
  if (cleaned === body) return ok(body);
  if ([...cleaned].every((char) => char === "\uFFFD")) {
    return fail(
      "InvalidMessageContents",
      "Invalid characters found. The message body must contain at least one character SQS accepts " +
        "(tab, newline, carriage return, or Unicode from U+0020 on, except U+FFFE and U+FFFF).",
    );
  }
  return ok(cleaned);
}

export function sendMessage(ctx: SqsContext, input: unknown): Outcome<SendMessageResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  // An empty body is MissingParameter (AWS-FACTS B.1 item 12).
  const rawBody = requiredString(params, "MessageBody");
  if (!rawBody.ok) return rawBody;
  // Per-message delay 0-900 s (AWS-FACTS B.1 item 4); the reason text is moto's (UNVERIFIED).
  const delay = optionalInteger(params, "DelaySeconds", DELAY_SECONDS, "DelaySeconds must be >= 0 and <= 900.");
  if (!delay.ok) return delay;
  const attributes = parseMessageAttributes(params["MessageAttributes"]);
  if (!attributes.ok) return attributes;
  // Fair queues accept MessageGroupId on standard queues; it has no effect in this sandbox.
  const groupId = optionalString(params, "MessageGroupId");
  if (!groupId.ok) return groupId;
  const dedupId = optionalString(params, "MessageDeduplicationId");
  if (!dedupId.ok) return dedupId;
  if (dedupId.value !== undefined) {
    // Deduplication is FIFO-only; wording modelled on AWS-FACTS B.1 item 4 (UNVERIFIED here).
    return invalid(
      "MessageDeduplicationId",
      dedupId.value,
      "The request include parameter that is not valid for this queue type.",
    );
  }
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  const q = queue.value;

  const body = cleanBody(rawBody.value);
  if (!body.ok) return body;

  // Size = body + attribute names, types and values (AWS-FACTS B.1 item 5; formula UNVERIFIED).
  const size = encoder.encode(body.value).length + attributesSize(attributes.value);
  if (size > q.settings.MaximumMessageSize) {
    return fail(
      "InvalidParameterValue",
      `One or more parameters are invalid. Reason: Message must be shorter than ${q.settings.MaximumMessageSize} bytes.`,
      { hint: `This message is ${size} bytes. Store large payloads elsewhere (e.g. S3) and send a reference.` },
    );
  }

  const now = ctx.clock.now();
  const delaySeconds = delay.value ?? q.settings.DelaySeconds;
  const message: StoredMessage = {
    messageId: ctx.random.uuid(),
    body: body.value,
    md5OfBody: md5Hex(body.value),
    attributes: attributes.value,
    md5OfMessageAttributes: attributesMd5(attributes.value),
    sentTimestamp: now,
    nextVisibleAt: now + delaySeconds * 1000,
    receiveCount: 0,
    firstReceiveTimestamp: undefined,
    lastReceivedAt: undefined,
    receiptHandle: undefined,
  };
  q.messages.set(message.messageId, message);
  ctx.trace.record("sqs", "send", q.arn, {
    messageId: message.messageId,
    delaySeconds,
    body: message.body.length > TRACE_BODY_PREVIEW ? `${message.body.slice(0, TRACE_BODY_PREVIEW)}…` : message.body,
  });
  if (delaySeconds > 0) scheduleAvailability(ctx, q, message);
  else notifyPollers(q);

  return ok({
    MessageId: message.messageId,
    MD5OfMessageBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes === undefined ? {} : { MD5OfMessageAttributes: message.md5OfMessageAttributes }),
  });
}
