/**
 * ReceiveMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 * Long polling: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html
 *
 * Short polls here always see every visible message (AWS samples a subset of servers and may
 * return fewer or none; a deterministic course simulator does not).
 */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import { attributesMd5, selectAttributes, toSdkAttributes } from "../message-attributes.ts";
import { isVisible, type StoredMessage } from "../message.ts";
import { asParams, optionalInteger, optionalStringList, requiredString } from "../params.ts";
import type { Queue } from "../queue.ts";
import { encodeReceiptHandle } from "../receipt-handle.ts";
import { dropExpired, findQueue, scheduleAvailability, type SqsContext } from "../sqs-context.ts";
import { MAX_NUMBER_OF_MESSAGES, RECEIVE_WAIT_TIME_SECONDS, VISIBILITY_TIMEOUT } from "../sqs-limits.ts";
import type { Message, MessageSystemAttributeName, ReceiveMessageResult } from "../sqs-types.ts";

const SYSTEM_ATTRIBUTE_NAMES: readonly MessageSystemAttributeName[] = [
  "All", "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp",
  "SequenceNumber", "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn",
];

interface ReceiveRequest {
  readonly queueUrl: string;
  readonly maxNumberOfMessages: number;
  readonly visibilityTimeout: number | undefined;
  readonly waitTimeSeconds: number | undefined;
  readonly systemAttributeNames: readonly MessageSystemAttributeName[];
  readonly messageAttributeNames: readonly string[];
}

function parseRequest(input: unknown): Outcome<ReceiveRequest> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  // Reason texts are AWS's (AWS-FACTS B.1 items 7 and 8).
  const max = optionalInteger(params, "MaxNumberOfMessages", MAX_NUMBER_OF_MESSAGES, "Must be between 1 and 10, if provided.");
  if (!max.ok) return max;
  const wait = optionalInteger(params, "WaitTimeSeconds", RECEIVE_WAIT_TIME_SECONDS, "Must be >= 0 and <= 20, if provided.");
  if (!wait.ok) return wait;
  // 0 to 12 hours (AWS-FACTS B.1 item 1); reason text modelled on WaitTimeSeconds' (UNVERIFIED).
  const visibility = optionalInteger(params, "VisibilityTimeout", VISIBILITY_TIMEOUT, "Must be >= 0 and <= 43200, if provided.");
  if (!visibility.ok) return visibility;
  const legacyNames = optionalStringList(params, "AttributeNames");
  if (!legacyNames.ok) return legacyNames;
  const systemNames = optionalStringList(params, "MessageSystemAttributeNames");
  if (!systemNames.ok) return systemNames;
  const names = [...(legacyNames.value ?? []), ...(systemNames.value ?? [])];
  for (const name of names) {
    // A misspelt name would silently return nothing: refuse it (UNVERIFIED against AWS).
    if (!(SYSTEM_ATTRIBUTE_NAMES as readonly string[]).includes(name)) {
      return fail("InvalidAttributeName", `Unknown Attribute ${name}.`, {
        hint: `Message system attribute names are: ${SYSTEM_ATTRIBUTE_NAMES.join(", ")}.`,
      });
    }
  }
  const messageAttributeNames = optionalStringList(params, "MessageAttributeNames");
  if (!messageAttributeNames.ok) return messageAttributeNames;
  return ok({
    queueUrl: url.value,
    maxNumberOfMessages: max.value ?? MAX_NUMBER_OF_MESSAGES.default,
    visibilityTimeout: visibility.value,
    waitTimeSeconds: wait.value,
    systemAttributeNames: names as MessageSystemAttributeName[],
    messageAttributeNames: messageAttributeNames.value ?? [],
  });
}

function systemAttributes(
  ctx: SqsContext,
  message: StoredMessage,
  requested: readonly MessageSystemAttributeName[],
): Partial<Record<MessageSystemAttributeName, string>> | undefined {
  if (requested.length === 0) return undefined;
  const all = requested.includes("All");
  const available: Partial<Record<MessageSystemAttributeName, string>> = {
    // SenderId is the sender's IAM identity; in the sandbox every caller is the account root.
    SenderId: ctx.accountId,
    SentTimestamp: String(message.sentTimestamp),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? ""),
  };
  const out: Partial<Record<MessageSystemAttributeName, string>> = {};
  for (const [name, value] of Object.entries(available) as Array<[MessageSystemAttributeName, string]>) {
    if (all || requested.includes(name)) out[name] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Takes up to the requested number of visible messages, hiding each for the visibility timeout. */
function takeVisible(ctx: SqsContext, queue: Queue, request: ReceiveRequest): Message[] {
  const now = ctx.clock.now();
  const visibilitySeconds = request.visibilityTimeout ?? queue.settings.VisibilityTimeout;
  const taken: Message[] = [];
  for (const message of queue.messages.values()) {
    if (taken.length >= request.maxNumberOfMessages) break;
    if (!isVisible(message, now)) continue;
    message.receiveCount += 1;
    message.firstReceiveTimestamp ??= now;
    message.lastReceivedAt = now;
    message.nextVisibleAt = now + visibilitySeconds * 1000;
    // Every receive issues a new handle; only the newest one acts on the message.
    message.receiptHandle = encodeReceiptHandle(queue.arn, message.messageId, ctx.random.hex(32));
    scheduleAvailability(ctx, queue, message);
    ctx.trace.record("sqs", "receive", queue.arn, {
      messageId: message.messageId,
      receiveCount: message.receiveCount,
      visibleAgainAt: message.nextVisibleAt,
    });

    const selected = selectAttributes(message.attributes, request.messageAttributeNames);
    const md5OfAttributes = attributesMd5(selected);
    const attributes = systemAttributes(ctx, message, request.systemAttributeNames);
    taken.push({
      MessageId: message.messageId,
      ReceiptHandle: message.receiptHandle,
      MD5OfBody: message.md5OfBody,
      Body: message.body,
      ...(attributes === undefined ? {} : { Attributes: attributes }),
      ...(md5OfAttributes === undefined
        ? {}
        : { MD5OfMessageAttributes: md5OfAttributes, MessageAttributes: toSdkAttributes(selected) }),
    });
  }
  return taken;
}

/**
 * Returns at once when messages are visible or WaitTimeSeconds (else the queue's
 * ReceiveMessageWaitTimeSeconds) is 0. Otherwise waits on the virtual clock as a waiter (see the
 * clock's auto-advance rule, so an un-advanced test cannot deadlock) and returns as soon as a
 * message becomes available, or empty when the wait ends.
 */
export async function receiveMessage(ctx: SqsContext, input: unknown): Promise<Outcome<ReceiveMessageResult>> {
  const request = parseRequest(input);
  if (!request.ok) return request;
  const found = findQueue(ctx, request.value.queueUrl);
  if (!found.ok) return found;
  const queue = found.value;
  const waitSeconds = request.value.waitTimeSeconds ?? queue.settings.ReceiveMessageWaitTimeSeconds;
  const deadline = ctx.clock.now() + waitSeconds * 1000;

  for (;;) {
    dropExpired(ctx, queue);
    const messages = takeVisible(ctx, queue, request.value);
    if (messages.length > 0) return ok({ Messages: messages });
    if (ctx.clock.now() >= deadline) return ok({});
    const waiter = ctx.clock.waitUntil(deadline);
    const wake = (): void => waiter.wake();
    queue.pollers.add(wake);
    try {
      await waiter.done;
    } finally {
      queue.pollers.delete(wake);
    }
  }
}
