/**
 * What every SQS operation works on: the queues of one sandbox, plus its clock, randomness and
 * trace. Also the few helpers shared by several operations (finding a queue, waking pollers,
 * scheduling the moment a message becomes available, dropping expired messages).
 */
import type { Clock } from "../clock/virtual-clock.ts";
import { fail, ok, type Outcome } from "../errors/fault.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";
import type { StoredMessage } from "./message.ts";
import { parseQueueUrl } from "./queue-address.ts";
import type { Queue } from "./queue.ts";

export interface SqsContext {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
  /** By queue name. */
  readonly queues: Map<string, Queue>;
}

/**
 * AWS-FACTS B.5: the SDK surfaces QueueDoesNotExist ("The specified queue does not exist.");
 * the query-protocol code is AWS.SimpleQueueService.NonExistentQueue.
 */
export function queueDoesNotExist(hint: string) {
  return fail("QueueDoesNotExist", "The specified queue does not exist.", {
    queryCode: "AWS.SimpleQueueService.NonExistentQueue",
    hint,
  });
}

/** Finds the queue a QueueUrl names (and drops its expired messages, so reads are exact). */
export function findQueue(ctx: SqsContext, url: string): Outcome<Queue> {
  const parsed = parseQueueUrl(url);
  if (parsed.kind === "not-a-url") {
    return queueDoesNotExist(
      `QueueUrl must be a queue URL like https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/orders. ` +
        `"${url}" is not one: if it is a queue name, get its URL with GetQueueUrlCommand({ QueueName }).`,
    );
  }
  const queue = ctx.queues.get(parsed.name);
  if (queue === undefined || parsed.accountId !== ctx.accountId || (parsed.region !== "" && parsed.region !== ctx.region)) {
    return queueDoesNotExist(
      `No queue at ${url} (this sandbox is region ${ctx.region}, account ${ctx.accountId}). ` +
        "Create it first with CreateQueueCommand, and use the QueueUrl it returns.",
    );
  }
  dropExpired(ctx, queue);
  return ok(queue);
}

/** Wakes every long poll waiting on the queue, oldest first. */
export function notifyPollers(queue: Queue): void {
  for (const wake of [...queue.pollers]) wake();
}

export function clearAvailabilityTimer(ctx: SqsContext, queue: Queue, messageId: string): void {
  const timer = queue.availabilityTimers.get(messageId);
  if (timer !== undefined) ctx.clock.clearTimer(timer);
  queue.availabilityTimers.delete(messageId);
}

/**
 * Schedules a clock timer for the moment the message becomes visible (end of a delay or of a
 * visibility timeout): it records the event in the trace and wakes long polls. Visibility itself
 * is decided by isVisible(), not by this timer.
 */
export function scheduleAvailability(ctx: SqsContext, queue: Queue, message: StoredMessage): void {
  clearAvailabilityTimer(ctx, queue, message.messageId);
  const delay = message.nextVisibleAt - ctx.clock.now();
  if (delay <= 0) {
    notifyPollers(queue);
    return;
  }
  const id = ctx.clock.setTimer(() => {
    queue.availabilityTimers.delete(message.messageId);
    if (queue.messages.get(message.messageId) !== message) return;
    const expired = message.receiveCount > 0;
    ctx.trace.record("sqs", expired ? "visibility-expired" : "delay-ended", queue.arn, {
      messageId: message.messageId,
      receiveCount: message.receiveCount,
    });
    notifyPollers(queue);
  }, delay);
  queue.availabilityTimers.set(message.messageId, id);
}

/** Removes one message and its timer: counts stay exact (no stale entries). */
export function removeMessage(ctx: SqsContext, queue: Queue, messageId: string): void {
  clearAvailabilityTimer(ctx, queue, messageId);
  queue.messages.delete(messageId);
}

/**
 * Drops messages older than MessageRetentionPeriod, counted from SentTimestamp (AWS-FACTS B.1
 * item 3, B.3 item 26). Done lazily on each access rather than with a timer per message, so that
 * clock.runAll() does not jump days ahead to expire everything.
 */
export function dropExpired(ctx: SqsContext, queue: Queue): void {
  const now = ctx.clock.now();
  const retentionMs = queue.settings.MessageRetentionPeriod * 1000;
  for (const message of [...queue.messages.values()]) {
    if (message.sentTimestamp + retentionMs > now) continue;
    removeMessage(ctx, queue, message.messageId);
    ctx.trace.record("sqs", "retention-expired", queue.arn, {
      messageId: message.messageId,
      expiredAt: message.sentTimestamp + retentionMs,
    });
  }
}
