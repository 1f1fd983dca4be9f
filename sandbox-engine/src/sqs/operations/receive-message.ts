/**
 * ReceiveMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 * Long polling: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html
 * FIFO ordering: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagegroupid-property.html
 *
 * Short polls here see every visible message (AWS samples a subset of servers and may return fewer
 * or none; a deterministic course simulator does not). Standard queues return messages in the
 * order they became visible, unless the sandbox's at-least-once delivery option is on (delivery.ts).
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { dueForDeadLetter, moveToDeadLetterQueue } from "../dead-letter.ts";
import { attributesMd5, selectAttributes, toSdkAttributes } from "../message-attributes.ts";
import { copyStoredMessage } from "../message-factory.ts";
import type { StoredMessage } from "../message.ts";
import { asParams, optionalInteger, optionalString, optionalStringList, requiredString } from "../params.ts";
import { enqueue, markReceived, syncQueue } from "../queue-index.ts";
import type { Queue } from "../queue.ts";
import { newReceiptHandle } from "../receipt-handle.ts";
import { findQueue, queueDoesNotExist, type SqsContext } from "../sqs-context.ts";
import {
  MAX_IN_FLIGHT_FIFO,
  MAX_IN_FLIGHT_STANDARD,
  MAX_NUMBER_OF_MESSAGES,
  RECEIVE_WAIT_TIME_SECONDS,
  VISIBILITY_TIMEOUT,
} from "../sqs-limits.ts";
import type { Message, MessageSystemAttributeName, ReceiveMessageResult } from "../sqs-types.ts";
import { RECEIVE } from "../trace-shapes.ts";

const SYSTEM_ATTRIBUTE_NAMES: readonly MessageSystemAttributeName[] = [
  "All", "SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp",
  "SequenceNumber", "MessageDeduplicationId", "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn",
];
const NONE: readonly string[] = [];

interface ReceiveRequest {
  readonly queueUrl: string;
  readonly maxNumberOfMessages: number;
  readonly visibilityTimeout: number | undefined;
  readonly waitTimeSeconds: number | undefined;
  readonly systemAttributeNames: readonly string[];
  readonly messageAttributeNames: readonly string[];
  /** Engine-internal: filled with the trace seq of each message's receive (a Lambda poll links its invoke to them). */
  readonly receiveSeqs?: number[] | undefined;
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
  // 0 to 12 hours (AWS-FACTS B.1 item 1); reason text modelled on WaitTimeSeconds' (UNVERIFIED: the
  // snapshots recorded against AWS cover WaitTimeSeconds and MaxNumberOfMessages, not this one).
  const visibility = optionalInteger(params, "VisibilityTimeout", VISIBILITY_TIMEOUT, "Must be >= 0 and <= 43200, if provided.");
  if (!visibility.ok) return visibility;
  const legacyNames = optionalStringList(params, "AttributeNames");
  if (!legacyNames.ok) return legacyNames;
  const systemNames = optionalStringList(params, "MessageSystemAttributeNames");
  if (!systemNames.ok) return systemNames;
  const names =
    legacyNames.value === undefined ? (systemNames.value ?? NONE) : [...legacyNames.value, ...(systemNames.value ?? NONE)];
  for (const name of names) {
    // A misspelt name would silently return nothing: refuse it. UNVERIFIED: the snapshots recorded
    // against AWS only use valid system attribute names, and the API reference does not say.
    if (!(SYSTEM_ATTRIBUTE_NAMES as readonly string[]).includes(name)) {
      return fail("InvalidAttributeName", `Unknown Attribute ${name}.`, {
        hint: `Message system attribute names are: ${SYSTEM_ATTRIBUTE_NAMES.join(", ")}.`,
      });
    }
  }
  const messageAttributeNames = optionalStringList(params, "MessageAttributeNames");
  if (!messageAttributeNames.ok) return messageAttributeNames;
  // FIFO receive-attempt deduplication is accepted but not simulated (each call is a new attempt).
  const attemptId = optionalString(params, "ReceiveRequestAttemptId");
  if (!attemptId.ok) return attemptId;
  return ok({
    queueUrl: url.value,
    maxNumberOfMessages: max.value ?? MAX_NUMBER_OF_MESSAGES.default,
    visibilityTimeout: visibility.value,
    waitTimeSeconds: wait.value,
    systemAttributeNames: names,
    messageAttributeNames: messageAttributeNames.value ?? NONE,
  });
}

function systemAttributes(
  ctx: SqsContext,
  message: StoredMessage,
  requested: readonly string[],
): Partial<Record<MessageSystemAttributeName, string>> | undefined {
  const all = requested.includes("All");
  const want = (name: MessageSystemAttributeName): boolean => all || requested.includes(name);
  const out: Partial<Record<MessageSystemAttributeName, string>> = {};
  // SenderId is the sender's IAM identity; in the sandbox every caller is the account root.
  if (want("SenderId")) out.SenderId = ctx.accountId;
  if (want("SentTimestamp")) out.SentTimestamp = String(message.sentTimestamp);
  if (want("ApproximateReceiveCount")) out.ApproximateReceiveCount = String(message.receiveCount);
  if (want("ApproximateFirstReceiveTimestamp")) out.ApproximateFirstReceiveTimestamp = String(message.firstReceiveTimestamp ?? "");
  if (message.sequenceNumber !== undefined && want("SequenceNumber")) out.SequenceNumber = message.sequenceNumber;
  if (message.deduplicationId !== undefined && want("MessageDeduplicationId")) out.MessageDeduplicationId = message.deduplicationId;
  if (message.groupId !== undefined && want("MessageGroupId")) out.MessageGroupId = message.groupId;
  if (message.traceHeader !== undefined && want("AWSTraceHeader")) out.AWSTraceHeader = message.traceHeader;
  if (message.deadLetterSourceArn !== undefined && want("DeadLetterQueueSourceArn")) {
    out.DeadLetterQueueSourceArn = message.deadLetterSourceArn;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Receives one message: a new receipt handle, hidden until `visibleAt`, and the SDK-shaped copy. */
function deliver(ctx: SqsContext, queue: Queue, message: StoredMessage, visibleAt: number, request: ReceiveRequest): Message {
  markReceived(ctx, queue, message, newReceiptHandle(queue.tag, ctx.random), visibleAt);
  const seq = ctx.trace.recordCompact(RECEIVE, queue.arn, message.messageId, "", message.receiveCount, visibleAt, message.sentSeq);
  request.receiveSeqs?.push(seq);
  const out: Message = {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  if (request.systemAttributeNames.length > 0) {
    const attributes = systemAttributes(ctx, message, request.systemAttributeNames);
    if (attributes !== undefined) out.Attributes = attributes;
  }
  const selected = selectAttributes(message.attributes, request.messageAttributeNames);
  if (selected.size > 0) {
    out.MD5OfMessageAttributes = selected.size === message.attributes.size ? message.md5OfMessageAttributes : attributesMd5(selected);
    out.MessageAttributes = toSdkAttributes(selected);
  }
  if (ctx.delivery.atLeastOnce && ctx.deliveryRandom.next() < ctx.delivery.duplicateProbability) {
    // A copy on "another server" that the delete will not reach (delivery.ts).
    const copy = copyStoredMessage(ctx, queue, message, {
      sentTimestamp: message.sentTimestamp,
      nextVisibleAt: ctx.clock.now(),
      sequenceNumber: undefined,
      deadLetterSourceArn: message.deadLetterSourceArn,
    });
    enqueue(ctx, queue, copy, undefined);
    ctx.trace.record("sqs", "duplicate", queue.arn, { messageId: message.messageId });
  }
  return out;
}

/** Standard queue: visible messages from the head of the ready list (shuffled in a window when at-least-once). */
function takeStandard(ctx: SqsContext, queue: Queue, request: ReceiveRequest, visibleAt: number): Message[] {
  const taken: Message[] = [];
  if (queue.inFlight >= MAX_IN_FLIGHT_STANDARD) return taken;
  const max = request.maxNumberOfMessages;
  const limit = ctx.delivery.atLeastOnce ? max + ctx.delivery.reorderWindow : max;
  const candidates: StoredMessage[] = [];
  let message = queue.readyHead;
  while (message !== undefined && candidates.length < limit) {
    const next = message.next;
    // After maxReceiveCount receives, the next receive attempt moves it (AWS-FACTS B.3 item 24).
    if (!(dueForDeadLetter(queue, message) && moveToDeadLetterQueue(ctx, queue, message))) candidates.push(message);
    message = next;
  }
  if (ctx.delivery.atLeastOnce) {
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(ctx.deliveryRandom.next() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
  }
  for (let i = 0; i < candidates.length && taken.length < max; i++) {
    taken.push(deliver(ctx, queue, candidates[i]!, visibleAt, request));
  }
  return taken;
}

/**
 * FIFO queue: from each available group (none of its messages in flight), its consecutive visible
 * messages in order, as many from one group as possible before the next (AWS-FACTS B.4 item 31).
 */
function takeFifo(ctx: SqsContext, queue: Queue, request: ReceiveRequest, visibleAt: number): Message[] {
  const taken: Message[] = [];
  // At the FIFO in-flight quota, receives return nothing and no error (AWS-FACTS B.1 item 13).
  if (queue.inFlight >= MAX_IN_FLIGHT_FIFO) return taken;
  const max = request.maxNumberOfMessages;
  for (const group of [...queue.availableGroups]) {
    if (taken.length >= max) break;
    if (!queue.availableGroups.has(group)) continue;
    let message = group.head;
    while (message !== undefined && taken.length < max && message.location === "ready") {
      const next = message.groupNext;
      if (!(dueForDeadLetter(queue, message) && moveToDeadLetterQueue(ctx, queue, message))) {
        taken.push(deliver(ctx, queue, message, visibleAt, request));
      }
      message = next;
    }
  }
  return taken;
}

/**
 * Returns at once when messages are available or WaitTimeSeconds (else the queue's
 * ReceiveMessageWaitTimeSeconds) is 0. Otherwise waits on the virtual clock as a waiter (see the
 * clock's auto-advance rule, so an un-advanced test cannot deadlock) and returns as soon as a
 * message becomes available, or empty when the wait ends.
 */
export function receiveMessage(ctx: SqsContext, input: unknown, receiveSeqs?: number[]): Promise<Outcome<ReceiveMessageResult>> {
  // Everything up to the first wait runs synchronously (as it would in an async function), and a
  // result available at once comes back as an already-resolved promise: no async machinery on the
  // short-poll path. A throw still becomes a rejected promise, as from an async function.
  try {
    const parsed = parseRequest(input);
    if (!parsed.ok) return Promise.resolve(parsed);
    const request = receiveSeqs === undefined ? parsed : { ok: true as const, value: { ...parsed.value, receiveSeqs } };
    const found = findQueue(ctx, request.value.queueUrl);
    if (!found.ok) return Promise.resolve(found);
    const queue = found.value;
    const waitSeconds = request.value.waitTimeSeconds ?? queue.settings.ReceiveMessageWaitTimeSeconds;
    if (waitSeconds === 0 && !queue.fifo && queue.inFlight >= MAX_IN_FLIGHT_STANDARD) {
      // AWS-FACTS B.1 item 13: short polls get OverLimit at the standard in-flight quota (text ours).
      return Promise.resolve(
        fail("OverLimit", `Too many messages in flight: this queue already has ${MAX_IN_FLIGHT_STANDARD} received messages that were not deleted.`, {
          hint: "Delete messages once processed (DeleteMessage), or let their visibility timeout end.",
        }),
      );
    }
    const deadline = ctx.clock.now() + waitSeconds * 1000;
    const first = attempt(ctx, queue, request.value, deadline);
    return first !== undefined ? Promise.resolve(first) : longPoll(ctx, queue, request.value, deadline);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One look at the queue: the answer, or undefined to keep waiting. */
function attempt(ctx: SqsContext, queue: Queue, request: ReceiveRequest, deadline: number): Outcome<ReceiveMessageResult> | undefined {
  if (queue.deleted) return queueDoesNotExist("The queue was deleted while this receive was waiting.");
  const now = ctx.clock.now();
  const visibleAt = now + (request.visibilityTimeout ?? queue.settings.VisibilityTimeout) * 1000;
  const messages = queue.fifo ? takeFifo(ctx, queue, request, visibleAt) : takeStandard(ctx, queue, request, visibleAt);
  if (messages.length > 0) return ok({ Messages: messages });
  if (now >= deadline) return ok({});
  return undefined;
}

/** Waits (a waiter on the virtual clock, woken by new messages), then looks again, until an answer. */
async function longPoll(ctx: SqsContext, queue: Queue, request: ReceiveRequest, deadline: number): Promise<Outcome<ReceiveMessageResult>> {
  for (;;) {
    const waiter = ctx.clock.waitUntil(deadline);
    const wake = (): void => waiter.wake();
    queue.pollers.add(wake);
    try {
      await waiter.done;
    } finally {
      queue.pollers.delete(wake);
    }
    syncQueue(ctx, queue);
    const answer = attempt(ctx, queue, request, deadline);
    if (answer !== undefined) return answer;
  }
}
