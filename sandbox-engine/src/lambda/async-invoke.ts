/**
 * Asynchronous invocation (InvocationType "Event"): the event is queued, Lambda answers 202, and
 * the function runs from the queue (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html).
 * - The first attempt starts as soon as the caller's code yields (same virtual millisecond).
 * - Function errors (including timeouts) are retried MaximumRetryAttempts times (default 2), 1 minute
 *   then 2 minutes later (AWS-FACTS C.4 item 17); every attempt keeps the event's request id.
 * - Throttles are retried with a backoff from 1 s doubling to 5 minutes, until the event is
 *   MaximumEventAgeInSeconds old (default 6 h).
 * - Reserved concurrency 0: the event goes straight to the on-failure destination / DLQ without
 *   retries (AWS-FACTS C.1 item 7), with the condition "ZeroReservedConcurrency" and an
 *   approximateInvokeCount of 0. UNVERIFIED: the docs corpus and LocalStack's AWS-recorded snapshots
 *   (test_lambda_destinations.snapshot.json) hold no record for it; the value is the one LocalStack's
 *   provider sends, which follows AWS's invocation records.
 * - Success: the on-success destination gets the invocation record (condition "Success").
 *   Failure: the on-failure destination gets the record (condition "RetriesExhausted", or
 *   "EventAgeExceeded", both AWS-recorded in LocalStack's test_lambda_destinations snapshots), and
 *   the function's dead-letter queue gets the event alone, with the message attributes RequestID,
 *   ErrorCode (the 3-digit HTTP status) and ErrorMessage (cut to 1 KB)
 *   (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq;
 *   AWS-recorded: ErrorCode "200" of DataType Number for a function error, ErrorMessage the error's
 *   message). With neither, the event is discarded (trace "async-discarded").
 */
import type { DeliveryAttribute } from "../core/delivery.ts";
import { ASYNC_RETRY_DELAYS_MS, MAXIMUM_EVENT_AGE_SECONDS, MAXIMUM_RETRY_ATTEMPTS, THROTTLE_BACKOFF_MS } from "./lambda-limits.ts";
import type { LambdaFunction, LambdaState } from "./lambda-state.ts";
import { deliverToDestination } from "./destinations.ts";
import { runInvocation, type InvocationOutcome } from "./runtime.ts";

interface AsyncEvent {
  readonly functionName: string;
  readonly requestId: string;
  readonly event: unknown;
  readonly queuedAt: number;
  /** Attempts that ran the function (the record's approximateInvokeCount). */
  invokeCount: number;
  errorRetries: number;
  throttleDelayMs: number;
  /** The latest attempt that ran, for the invocation record. */
  last: Completed | undefined;
  /** Trace seq of its async-queued event: the cause of every attempt. */
  cause: number;
}

/** Queues an event for `functionName`; false if there is no such function. */
export function enqueueAsync(state: LambdaState, functionName: string, event: unknown, requestId?: string, cause?: number): boolean {
  const fn = state.functions.get(functionName);
  if (fn === undefined) return false;
  const queued: AsyncEvent = {
    functionName,
    requestId: requestId ?? state.ids.uuid(),
    event,
    queuedAt: state.clock.now(),
    invokeCount: 0,
    errorRetries: 0,
    throttleDelayMs: 0,
    last: undefined,
    cause: -1,
  };
  queued.cause = state.trace.record("lambda", "async-queued", fn.arn, { requestId: queued.requestId }, cause).seq;
  queueMicrotask(() => void attempt(state, queued));
  return true;
}

type Condition = "Success" | "RetriesExhausted" | "EventAgeExceeded" | "ZeroReservedConcurrency";

/** "ErrorMessage ... The first 1 KB of the error message" (invocation-async-retain-records.html). */
export const DLQ_ERROR_MESSAGE_LIMIT_BYTES = 1024;

/** The longest prefix of `text` that fits in `limit` UTF-8 bytes, without splitting a character. */
function cutToBytes(text: string, limit: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= limit) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > limit) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * The attributes Lambda adds to a dead-letter message: RequestID, ErrorCode (Number: the HTTP status,
 * 200 for a function error or timeout, which Invoke answers with 200; 429 for a throttle) and
 * ErrorMessage. For an event that never ran (reserved concurrency 0, or throttled until it aged out) the
 * message is Invoke's throttle text "Rate Exceeded." (UNVERIFIED: no AWS-recorded sample found).
 */
function deadLetterAttributes(ev: AsyncEvent, last: Completed | undefined): Record<string, DeliveryAttribute> {
  const errorMessage = last === undefined ? "Rate Exceeded." : String((last.value as { errorMessage?: unknown } | null)?.errorMessage ?? "");
  return {
    RequestID: { DataType: "String", StringValue: ev.requestId },
    ErrorCode: { DataType: "Number", StringValue: last === undefined ? "429" : "200" },
    ErrorMessage: { DataType: "String", StringValue: cutToBytes(errorMessage, DLQ_ERROR_MESSAGE_LIMIT_BYTES) },
  };
}
type Completed = Extract<InvocationOutcome, { kind: "completed" }>;

function invocationRecord(state: LambdaState, fn: LambdaFunction, ev: AsyncEvent, condition: Condition, last: Completed | undefined): string {
  const record: Record<string, unknown> = {
    version: "1.0",
    timestamp: new Date(state.clock.now()).toISOString(),
    requestContext: {
      requestId: ev.requestId,
      functionArn: `${fn.arn}:$LATEST`,
      condition,
      approximateInvokeCount: ev.invokeCount,
    },
    requestPayload: ev.event,
  };
  if (last !== undefined) {
    record.responseContext = {
      statusCode: 200,
      executedVersion: "$LATEST",
      ...(last.status === "success" ? {} : { functionError: "Unhandled" }),
    };
    record.responsePayload = last.value;
  }
  return JSON.stringify(record);
}

function succeed(state: LambdaState, fn: LambdaFunction, ev: AsyncEvent, last: Completed): void {
  const destination = fn.eventInvokeConfig?.onSuccess;
  if (destination === undefined) return;
  deliverToDestination(state, {
    arn: destination, kind: "on-success", message: invocationRecord(state, fn, ev, "Success", last),
    functionName: fn.name, requestId: ev.requestId,
  }, enqueueAsync);
}

function giveUp(state: LambdaState, fn: LambdaFunction, ev: AsyncEvent, condition: Condition, last: Completed | undefined): void {
  const onFailure = fn.eventInvokeConfig?.onFailure;
  const deadLetter = fn.settings.deadLetterTargetArn;
  if (onFailure !== undefined) {
    deliverToDestination(state, {
      arn: onFailure, kind: "on-failure", message: invocationRecord(state, fn, ev, condition, last),
      functionName: fn.name, requestId: ev.requestId,
    }, enqueueAsync);
  }
  if (deadLetter !== undefined) {
    // The DLQ receives only the event (AWS-FACTS C.4 item 19).
    let message: string;
    try {
      message = JSON.stringify(ev.event) ?? "null";
    } catch {
      message = "null";
    }
    deliverToDestination(state, {
      arn: deadLetter, kind: "dead-letter", message, functionName: fn.name, requestId: ev.requestId,
      attributes: deadLetterAttributes(ev, last),
    }, enqueueAsync);
  }
  if (onFailure === undefined && deadLetter === undefined) {
    state.trace.record("lambda", "async-discarded", fn.arn, { requestId: ev.requestId, condition, invokeCount: ev.invokeCount });
  }
}

async function attempt(state: LambdaState, ev: AsyncEvent): Promise<void> {
  const fn = state.functions.get(ev.functionName);
  if (fn === undefined) return; // deleted meanwhile: nothing left to run or configure
  const config = fn.eventInvokeConfig;
  const maxAgeMs = (config?.maximumEventAgeInSeconds ?? MAXIMUM_EVENT_AGE_SECONDS.default) * 1000;
  if (state.clock.now() - ev.queuedAt >= maxAgeMs) {
    giveUp(state, fn, ev, "EventAgeExceeded", ev.last);
    return;
  }
  if (fn.reserved === 0) {
    state.trace.record("lambda", "throttle", fn.arn, { requestId: ev.requestId, reason: "ReservedFunctionConcurrentInvocationLimitExceeded", trigger: "async" });
    giveUp(state, fn, ev, "ZeroReservedConcurrency", undefined);
    return;
  }
  const outcome = await runInvocation(state, fn, ev.event, { trigger: "async", callerWaits: false, requestId: ev.requestId, cause: ev.cause });
  if (outcome.kind === "throttled") {
    ev.throttleDelayMs = Math.min(THROTTLE_BACKOFF_MS.max, ev.throttleDelayMs === 0 ? THROTTLE_BACKOFF_MS.first : ev.throttleDelayMs * 2);
    const retryAt = state.clock.now() + ev.throttleDelayMs;
    const delay = Math.min(ev.throttleDelayMs, Math.max(0, ev.queuedAt + maxAgeMs - state.clock.now()));
    state.trace.record("lambda", "async-retry", fn.arn, { requestId: ev.requestId, reason: "throttled", retryAt });
    state.clock.setTimer(() => attempt(state, ev), delay);
    return;
  }
  ev.invokeCount += 1;
  ev.last = outcome;
  if (outcome.status === "success") {
    succeed(state, fn, ev, outcome);
    return;
  }
  const maxRetries = fn.eventInvokeConfig?.maximumRetryAttempts ?? MAXIMUM_RETRY_ATTEMPTS.default;
  if (ev.errorRetries >= maxRetries) {
    giveUp(state, fn, ev, "RetriesExhausted", outcome);
    return;
  }
  const delay = ASYNC_RETRY_DELAYS_MS[Math.min(ev.errorRetries, ASYNC_RETRY_DELAYS_MS.length - 1)]!;
  ev.errorRetries += 1;
  state.trace.record("lambda", "async-retry", fn.arn, { requestId: ev.requestId, reason: outcome.status, retryAt: state.clock.now() + delay });
  state.clock.setTimer(() => attempt(state, ev), delay);
}

