/**
 * The SQS poller of an event source mapping (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 * AWS-FACTS C.2 items 9-14), driven by the virtual clock.
 *
 * Polling is event-driven, so an idle mapping costs nothing and never keeps the clock busy: the
 * service registers `sqs.onActivity` for each mapped queue, and SQS activity on the mapping's queue (a send, a visibility
 * timeout or delay ending, a delete that unblocks a FIFO group, a dead-letter or move-task arrival)
 * schedules one poll as a plain clock timer at the current time (never a waiter, so auto-advance
 * ignores it). `await sb.clock.advance(ms)` therefore runs polls and invocations in order.
 *
 * A poll receives batches (short polls, up to 10 messages per ReceiveMessage until BatchSize) while
 * the mapping has fewer batches in flight than its concurrency: min(ScalingConfig.MaximumConcurrency
 * or 1,000, 5 + 300 per minute since the mapping was enabled). With a batching window (standard
 * queues), fewer than BatchSize visible messages wait until the window, counted from the first poll
 * that saw them, has passed. Each batch is one synchronous invocation. On success the batch's
 * messages are deleted (with ReportBatchItemFailures, all but the failed ones); on a function
 * error, timeout or throttle they stay in flight and come back after the visibility timeout, and
 * the source queue's redrive policy moves them to its DLQ (that is SQS's job).
 * Not simulated: the 6 MB batch payload limit and AWS's "up to 20 s" wait at low traffic.
 */
import { queueUrl } from "../sqs/queue-address.ts";
import type { Message } from "../sqs/sqs-types.ts";
import { parseArn } from "../core/arn.ts";
import {
  ESM_CONCURRENCY_STEP_PER_MINUTE,
  ESM_INITIAL_CONCURRENCY,
  MAXIMUM_CONCURRENCY,
  SQS_RECEIVE_MAX,
} from "./lambda-limits.ts";
import type { EventSourceMapping, LambdaFunction, LambdaState } from "./lambda-state.ts";
import { runInvocation } from "./runtime.ts";
import { failedItems, toEventRecord } from "./sqs-event.ts";

export function isPolling(mapping: EventSourceMapping): boolean {
  return !mapping.deleted && mapping.enabled && (mapping.state === "Enabled" || mapping.state === "Updating");
}

/** Schedules a poll `delayMs` from now, unless one is already due sooner. */
export function schedulePoll(state: LambdaState, mapping: EventSourceMapping, delayMs = 0): void {
  const at = state.clock.now() + delayMs;
  if (mapping.pollTimer !== undefined) {
    if (mapping.pollAt !== undefined && mapping.pollAt <= at) return;
    state.clock.clearTimer(mapping.pollTimer);
  }
  mapping.pollAt = at;
  mapping.pollTimer = state.clock.setTimer(() => {
    mapping.pollTimer = undefined;
    mapping.pollAt = undefined;
    poll(state, mapping);
  }, delayMs);
}

/** Wakes the mappings of every mapped queue on SQS activity there (sqs.onActivity), while mappings exist. */
export function watchSqs(state: LambdaState): void {
  for (const mapping of state.mappings.values()) {
    const arn = mapping.eventSourceArn;
    if (state.sqsWatches.has(arn)) continue;
    state.sqsWatches.set(arn, state.sqs.onActivity(arn, () => {
      for (const candidate of state.mappings.values()) {
        if (candidate.eventSourceArn === arn && isPolling(candidate)) schedulePoll(state, candidate);
      }
    }));
  }
}

/** Stops watching queues no mapping reads any more. */
export function unwatchSqsIfIdle(state: LambdaState): void {
  for (const [arn, stop] of state.sqsWatches) {
    if ([...state.mappings.values()].some((mapping) => mapping.eventSourceArn === arn)) continue;
    stop();
    state.sqsWatches.delete(arn);
  }
}

function concurrencyCap(state: LambdaState, mapping: EventSourceMapping): number {
  const minutes = Math.floor((state.clock.now() - mapping.enabledAt) / 60_000);
  const ramp = ESM_INITIAL_CONCURRENCY + ESM_CONCURRENCY_STEP_PER_MINUTE * minutes;
  return Math.min(mapping.maximumConcurrency ?? MAXIMUM_CONCURRENCY.max, ramp);
}

interface QueueView {
  readonly url: string;
  readonly fifo: boolean;
}

/** The queue's URL and type from its ARN (a FIFO queue's name ends in ".fifo"), with no O(n) attribute read. */
function viewQueue(arn: string): QueueView | string {
  const parsed = parseArn(arn);
  if (parsed === undefined) return "PROBLEM: Invalid event source ARN";
  return { url: queueUrl(parsed, parsed.resource), fifo: parsed.resource.endsWith(".fifo") };
}

/** Visible messages and visibility timeout: read only for a batching window (GetQueueAttributes counts every message). */
function windowView(state: LambdaState, url: string): { visible: number; visibilityTimeout: number } | string {
  const attributes = state.sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ["VisibilityTimeout", "ApproximateNumberOfMessages"] });
  if (!attributes.ok) return `PROBLEM: ${attributes.fault.code}: ${attributes.fault.message}`;
  const values = attributes.value.Attributes ?? {};
  return { visible: Number(values.ApproximateNumberOfMessages ?? 0), visibilityTimeout: Number(values.VisibilityTimeout ?? 30) };
}

/** Visibility for received batches: the queue's, or window + timeout + 30 s (AWS-FACTS C.2 item 14). */
function effectiveVisibility(mapping: EventSourceMapping, fn: LambdaFunction, queueSeconds: number): number | undefined {
  const window = mapping.batchingWindowSeconds;
  const timeout = fn.settings.timeoutSeconds;
  return window > 0 && window + timeout > queueSeconds ? window + timeout + 30 : undefined;
}

/** Receives up to BatchSize messages; `receiveSeqs` gets the trace seq of each receive (the batch's causes). */
async function receiveBatch(
  state: LambdaState,
  mapping: EventSourceMapping,
  queue: QueueView,
  visibility: number | undefined,
  receiveSeqs: number[],
): Promise<Message[]> {
  const batch: Message[] = [];
  while (batch.length < mapping.batchSize) {
    const received = await state.sqs.receiveMessage({
      QueueUrl: queue.url,
      MaxNumberOfMessages: Math.min(SQS_RECEIVE_MAX, mapping.batchSize - batch.length),
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ["All"],
      MessageAttributeNames: ["All"],
      ...(visibility === undefined ? {} : { VisibilityTimeout: visibility }),
    }, receiveSeqs);
    if (!received.ok) {
      mapping.lastProcessingResult = `PROBLEM: ${received.fault.code}: ${received.fault.message}`;
      break;
    }
    const messages = received.value.Messages ?? [];
    batch.push(...messages);
    if (messages.length === 0) break;
  }
  return batch;
}

/** One poll: as many batches as the mapping's concurrency allows. Never throws. */
export function poll(state: LambdaState, mapping: EventSourceMapping): void {
  void pollAsync(state, mapping).catch((error: unknown) => {
    mapping.lastProcessingResult = `PROBLEM: ${String(error)}`;
  });
}

async function pollAsync(state: LambdaState, mapping: EventSourceMapping): Promise<void> {
  while (isPolling(mapping) && mapping.inFlightBatches < concurrencyCap(state, mapping)) {
    const fn = state.functions.get(mapping.functionName);
    if (fn === undefined) {
      mapping.lastProcessingResult = "PROBLEM: Function not found";
      return;
    }
    const queue = viewQueue(mapping.eventSourceArn);
    if (typeof queue === "string") {
      mapping.lastProcessingResult = queue;
      return;
    }
    let visibility: number | undefined;
    if (!queue.fifo && mapping.batchingWindowSeconds > 0) {
      const view = windowView(state, queue.url);
      if (typeof view === "string") {
        mapping.lastProcessingResult = view;
        return;
      }
      if (view.visible === 0) {
        mapping.windowStartedAt = undefined;
        return;
      }
      const now = state.clock.now();
      if (view.visible < mapping.batchSize) {
        mapping.windowStartedAt ??= now;
        const windowEnds = mapping.windowStartedAt + mapping.batchingWindowSeconds * 1000;
        if (now < windowEnds) {
          schedulePoll(state, mapping, windowEnds - now);
          return;
        }
      }
      visibility = effectiveVisibility(mapping, fn, view.visibilityTimeout);
    }
    mapping.windowStartedAt = undefined;
    mapping.inFlightBatches += 1;
    let batch: Message[];
    const receiveSeqs: number[] = [];
    try {
      batch = await receiveBatch(state, mapping, queue, visibility, receiveSeqs);
    } catch (error) {
      mapping.inFlightBatches -= 1;
      throw error;
    }
    if (batch.length === 0) {
      // Nothing receivable (empty, or FIFO groups with messages in flight: a delete wakes us).
      mapping.inFlightBatches -= 1;
      return;
    }
    void processBatch(state, mapping, fn, queue, batch, receiveSeqs[0] ?? -1);
  }
}

/** `cause`: the trace seq of the receive of the batch's first message. */
async function processBatch(
  state: LambdaState,
  mapping: EventSourceMapping,
  fn: LambdaFunction,
  queue: QueueView,
  batch: Message[],
  cause: number,
): Promise<void> {
  const event = { Records: batch.map((message) => toEventRecord(message, mapping.eventSourceArn, state.region)) };
  const polled = state.trace.record("lambda", "esm-batch", mapping.eventSourceArn, {
    uuid: mapping.uuid, functionName: fn.name, size: batch.length,
    // Frozen like the event that holds it (the trace freezes events shallowly).
    messageIds: Object.freeze(batch.map((message) => message.MessageId ?? "")),
  }, cause);
  let deleted = 0;
  let kept = batch.length;
  let result: string;
  try {
    const outcome = await runInvocation(state, fn, event, { trigger: "sqs", callerWaits: false, cause: polled.seq });
    let failed: readonly string[] | "all" = "all";
    if (outcome.kind === "throttled") {
      result = "PROBLEM: Function call failed (throttled)";
    } else if (outcome.status !== "success") {
      result = outcome.status === "timeout" ? "PROBLEM: Function call failed (timeout)" : "PROBLEM: Function call failed";
    } else {
      failed = mapping.functionResponseTypes.includes("ReportBatchItemFailures")
        ? failedItems(outcome.value, new Set(batch.map((message) => message.MessageId ?? "")))
        : [];
      result = failed === "all" ? "PROBLEM: Invalid batchItemFailures response" : "OK";
    }
    if (failed !== "all") {
      const keep = new Set(failed);
      for (const message of batch) {
        if (keep.has(message.MessageId ?? "")) continue;
        const removed = state.sqs.deleteMessage({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle });
        if (removed.ok) deleted += 1;
      }
      kept = keep.size;
    }
  } finally {
    mapping.inFlightBatches -= 1;
  }
  mapping.lastProcessingResult = result;
  state.trace.record("lambda", "esm-batch-result", mapping.eventSourceArn, {
    uuid: mapping.uuid, functionName: fn.name, result, deleted, returned: kept,
  });
  // A slot is free and more messages may be waiting.
  if (isPolling(mapping)) schedulePoll(state, mapping);
}
