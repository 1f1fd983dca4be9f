/**
 * Runs one invocation of a function: concurrency, execution environment (cold or warm), the
 * handler with its context, the timeout on the virtual clock, the response, logs and the record
 * that metrics and the bill read.
 *
 * Handler styles (AWS-FACTS C.1 item 1; https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html):
 * an async handler (or one returning a promise) answers with its resolved value or rejection; a
 * non-async handler declaring three parameters answers through `callback(error, result)`; a
 * non-async handler with fewer parameters that returns a plain value answers `null`, as the Node.js
 * runtime ignores non-promise return values.
 *
 * Time: Duration is the virtual time between the start and the answer, at least BASE_DURATION_MS
 * (a handler that does not wait on virtual time took 1 ms). A handler still running at its Timeout
 * ends with "RequestId: <id> Error: Task timed out after N.00 seconds"; whatever it does later is ignored. A handler that
 * never settles therefore ends at its timeout. Init Duration (cold start) is reported, billed
 * (see billing) but not spent on the virtual clock, so cold starts do not shift a test's timing.
 */
import { BILL_INIT_PHASE } from "./billing/lambda-prices.ts";
import { injectedError } from "./fault-injection.ts";
import type { ThrottleReason } from "./lambda-faults.ts";
import {
  BASE_DURATION_MS,
  ENVIRONMENT_IDLE_EXPIRY_MS,
  INIT_DURATION_MS,
  MAX_MEMORY_USED_MB,
  RESPONSE_LIMIT_BYTES,
} from "./lambda-limits.ts";
import type { ExecutionEnvironment, InvocationRecord, LambdaFunction, LambdaState } from "./lambda-state.ts";
import type { LambdaContext } from "./lambda-types.ts";
import { appendLog, beginCapture, endCapture, logStreamName, withSink, type LogSink } from "./logs.ts";

export type Trigger = InvocationRecord["trigger"];

export interface InvokeOptions {
  readonly trigger: Trigger;
  /**
   * The caller awaits the answer (a learner's synchronous Invoke): the timeout is a clock waiter,
   * so an un-advanced test still sees a hanging handler time out (auto-advance rule). Internal
   * invocations (SQS mappings, async events) use a plain timer and move only with the clock.
   */
  readonly callerWaits: boolean;
  /** Given for async retries so every attempt of one event keeps its request id. */
  readonly requestId?: string;
  /** Trace seq of what led to this invocation: the async event's queueing, the poll's batch. */
  readonly cause?: number | undefined;
  /** Invoke's ClientContext, decoded (context.clientContext). */
  readonly clientContext?: unknown;
}

export type ErrorPayload = { errorType: string; errorMessage: string; trace?: string[] };

export type InvocationOutcome =
  | { readonly kind: "throttled"; readonly reason: ThrottleReason }
  | {
      readonly kind: "completed";
      readonly requestId: string;
      readonly status: "success" | "error" | "timeout";
      /** The response as JSON text (an error payload for errors and timeouts). */
      readonly payload: string;
      /** The parsed response (for success) or the error payload. */
      readonly value: unknown;
      readonly logLines: readonly string[];
      readonly durationMs: number;
    };

const encoder = new TextEncoder();

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isAsyncFunction(fn: Function): boolean {
  try {
    return fn.constructor?.name === "AsyncFunction" || fn.constructor?.name === "AsyncGeneratorFunction";
  } catch {
    return false;
  }
}

function safeString(fn: () => unknown, fallback: string): string {
  try {
    const value = fn();
    return typeof value === "string" ? value : fallback;
  } catch {
    return fallback;
  }
}

/** The Node.js runtime's error payload: {errorType, errorMessage, trace}. */
export function errorPayload(error: unknown): ErrorPayload {
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const e = error as Error;
    const stack = safeString(() => e.stack, "");
    return {
      errorType: safeString(() => e.name, "Error") || "Error",
      errorMessage: safeString(() => e.message, ""),
      trace: stack === "" ? [] : stack.split("\n"),
    };
  }
  // A thrown non-Error (a string, a number, an object): the runtime names its type.
  const errorMessage = safeString(() => (typeof error === "object" && error !== null ? JSON.stringify(error) : String(error)), "[unprintable]");
  return { errorType: typeof error, errorMessage, trace: [] };
}

function timeoutMessage(seconds: number): string {
  return `Task timed out after ${seconds.toFixed(2)} seconds`;
}

/** A timed-out invocation's errorMessage names the request: "RequestId: <id> Error: Task timed out after 3.00 seconds" (AWS-recorded responses). */
function timeoutErrorMessage(requestId: string, seconds: number): string {
  return `RequestId: ${requestId} Error: ${timeoutMessage(seconds)}`;
}

/** Concurrency check (AWS-FACTS C.1 items 6-7): a throttle reason, or undefined when it may run. */
export function throttleReason(state: LambdaState, fn: LambdaFunction): ThrottleReason | undefined {
  if (fn.reserved !== undefined) {
    return fn.active >= fn.reserved ? "ReservedFunctionConcurrentInvocationLimitExceeded" : undefined;
  }
  return state.unreservedActive >= unreservedPool(state) ? "ConcurrentInvocationLimitExceeded" : undefined;
}

export function totalReserved(state: LambdaState, except?: LambdaFunction): number {
  let sum = 0;
  for (const fn of state.functions.values()) if (fn !== except && fn.reserved !== undefined) sum += fn.reserved;
  return sum;
}

export function unreservedPool(state: LambdaState): number {
  return state.accountConcurrency - totalReserved(state);
}

/** A warm idle environment (the oldest one, deterministic), or a new one: a cold start. */
function takeEnvironment(state: LambdaState, fn: LambdaFunction): { env: ExecutionEnvironment; cold: boolean } {
  const now = state.clock.now();
  for (let i = fn.environments.length - 1; i >= 0; i--) {
    const env = fn.environments[i]!;
    if (!env.busy && now - env.lastUsedAt >= ENVIRONMENT_IDLE_EXPIRY_MS) {
      fn.environments.splice(i, 1);
      state.trace.record("lambda", "environment-expired", fn.arn, { logStreamName: env.logStreamName });
    }
  }
  const warm = fn.environments.find((env) => !env.busy);
  if (warm !== undefined) return { env: warm, cold: false };
  const initDurationMs = Math.round((INIT_DURATION_MS.min + state.physics.next() * (INIT_DURATION_MS.max - INIT_DURATION_MS.min)) * 100) / 100;
  const env: ExecutionEnvironment = {
    id: state.nextEnvironmentId++,
    logStreamName: logStreamName(now, state.ids.hex(32)),
    initDurationMs,
    maxMemoryUsedMb: Math.min(fn.settings.memorySizeMb, state.physics.int(MAX_MEMORY_USED_MB.min, MAX_MEMORY_USED_MB.max)),
    busy: false,
    lastUsedAt: now,
    invocations: 0,
  };
  fn.environments.push(env);
  return { env, cold: true };
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown } | { timeout: true };

/** Serialises a successful response: JSON text, or an error payload when it cannot be sent. */
function serialise(value: unknown): { ok: true; text: string; value: unknown } | { ok: false; error: ErrorPayload } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    // Circular structures, BigInt, a throwing toJSON: the runtime cannot marshal the response.
    return { ok: false, error: { errorType: "Runtime.MarshalError", errorMessage: `Unable to marshal response: ${errorPayload(error).errorMessage}` } };
  }
  if (text === undefined) text = "null"; // a function or symbol as the whole response
  const size = encoder.encode(text).length;
  if (size > RESPONSE_LIMIT_BYTES) {
    return {
      ok: false,
      error: {
        errorType: "Function.ResponseSizeTooLarge",
        errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT_BYTES} bytes).`,
      },
    };
  }
  return { ok: true, text, value: JSON.parse(text) as unknown };
}

/**
 * What `process.env` shows the invocation (process-env.ts): the runtime's variables, then the function's
 * Environment.Variables (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
 * A fresh copy per invocation, so a handler's writes stay its own.
 */
function invocationVariables(state: LambdaState, fn: LambdaFunction, logStreamName: string): Record<string, string> {
  const settings = fn.settings;
  return {
    AWS_REGION: state.region,
    AWS_DEFAULT_REGION: state.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${settings.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(settings.memorySizeMb),
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    ...settings.variables,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Invokes `fn` with `event` (already a JSON value). Never throws and never rejects: whatever the
 * handler does is turned into an outcome.
 */
export async function runInvocation(state: LambdaState, fn: LambdaFunction, event: unknown, options: InvokeOptions): Promise<InvocationOutcome> {
  const { clock, trace } = state;
  let reason = throttleReason(state, fn);
  const requestId = options.requestId ?? state.ids.uuid();
  // Injected faults (fault-injection.ts) are drawn only when the function could run, and traced before their effect.
  const injected = reason === undefined ? state.faults.draw(fn.name) : undefined;
  if (injected !== undefined) trace.record("lambda", "fault", fn.arn, { requestId, fault: injected.fault, rate: injected.rate }, options.cause);
  if (injected?.fault === "throttle") reason = fn.reserved !== undefined ? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded";
  if (reason !== undefined) {
    const now = clock.now();
    state.invocations.push({
      functionName: fn.name, requestId, startedAt: now, endedAt: now, trigger: options.trigger, status: "throttled",
      durationMs: 0, billedDurationMs: 0, initDurationMs: undefined, memorySizeMb: fn.settings.memorySizeMb,
      concurrency: fn.active, throttleReason: reason,
    });
    trace.record("lambda", "throttle", fn.arn, { requestId, reason, trigger: options.trigger }, options.cause);
    return { kind: "throttled", reason };
  }

  fn.active += 1;
  // Remember which pool it counted in: reserved concurrency may change while it runs.
  const countedUnreserved = fn.reserved === undefined;
  if (countedUnreserved) state.unreservedActive += 1;
  const concurrency = fn.active;
  const { env, cold } = takeEnvironment(state, fn);
  env.busy = true;
  env.invocations += 1;
  const settings = fn.settings;
  const startedAt = clock.now();
  const timeoutMs = settings.timeoutSeconds * 1000;
  const deadline = startedAt + timeoutMs;
  const lines: string[] = [];
  const log = (message: string): void => {
    lines.push(message);
    appendLog(fn, { timestamp: clock.now(), logStreamName: env.logStreamName, requestId, message });
  };
  const sink: LogSink = {
    write: (level, message) => log(`${iso(clock.now())}\t${requestId}\t${level}\t${message}`),
    variables: invocationVariables(state, fn, env.logStreamName),
  };
  const invoked = trace.record("lambda", "invoke", fn.arn, { requestId, trigger: options.trigger, coldStart: cold, concurrency }, options.cause);
  if (cold) log(`INIT_START Runtime Version: ${settings.runtime}.v1\tRuntime Version ARN: arn:aws:lambda:${state.region}::runtime:sandbox`);
  log(`START RequestId: ${requestId} Version: $LATEST`);

  let settle!: (result: Settled) => void;
  const settled = new Promise<Settled>((resolve) => {
    let done = false;
    settle = (result) => {
      if (done) return;
      done = true;
      resolve(result);
    };
  });
  const succeed = (value?: unknown): void => settle({ ok: true, value });
  const failWith = (error?: unknown): void => settle({ ok: false, error });
  const callback = (error?: unknown, result?: unknown): void => {
    if (error !== undefined && error !== null) failWith(error);
    else succeed(result);
  };
  const context: LambdaContext = {
    awsRequestId: requestId,
    functionName: fn.name,
    functionVersion: "$LATEST",
    invokedFunctionArn: fn.arn,
    memoryLimitInMB: String(settings.memorySizeMb),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: env.logStreamName,
    ...(options.clientContext === undefined ? {} : { clientContext: options.clientContext }),
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock.now()),
    callbackWaitsForEmptyEventLoop: true,
    succeed,
    fail: failWith,
    done: callback,
  };

  // The timeout: a waiter when a caller awaits (see InvokeOptions), else a plain timer.
  let cancelTimeout: () => void;
  if (options.callerWaits) {
    const waiter = clock.waitUntil(deadline);
    waiter.done.then((outcome) => {
      if (outcome === "due") settle({ timeout: true });
    }, () => settle({ timeout: true }));
    cancelTimeout = () => waiter.wake();
  } else {
    const id = clock.setTimer(() => settle({ timeout: true }), timeoutMs);
    cancelTimeout = () => clock.clearTimer(id);
  }

  beginCapture(sink);
  const handler = fn.handler;
  const callbackStyle = handler.length >= 3 && !isAsyncFunction(handler);
  withSink(sink, () => {
    try {
      if (injected?.fault === "invocation-error") throw injectedError(fn.name, injected.rate);
      const returned = handler(event, context, callback);
      if (isThenable(returned)) {
        Promise.resolve(returned).then(succeed, (error: unknown) => failWith(error ?? new Error("The handler rejected with no reason")));
      } else if (!callbackStyle) {
        succeed(null);
      }
    } catch (error) {
      failWith(error);
    }
  });

  const result = await settled;
  cancelTimeout();
  endCapture(sink);

  const endedAt = clock.now();
  let status: "success" | "error" | "timeout";
  let payload: string;
  let value: unknown;
  if ("timeout" in result) {
    status = "timeout";
    const message = timeoutMessage(settings.timeoutSeconds);
    log(`${iso(endedAt)} ${requestId} ${message}`);
    value = { errorType: "Sandbox.Timedout", errorMessage: timeoutErrorMessage(requestId, settings.timeoutSeconds) };
    payload = JSON.stringify(value);
  } else if (result.ok) {
    const serialised = serialise(result.value);
    if (serialised.ok) {
      status = "success";
      payload = serialised.text;
      value = serialised.value;
    } else {
      status = "error";
      value = serialised.error;
      payload = JSON.stringify(value);
      log(`${iso(endedAt)}\t${requestId}\tERROR\tInvoke Error \t${payload}`);
    }
  } else {
    status = "error";
    value = errorPayload(result.error);
    payload = JSON.stringify(value);
    log(`${iso(endedAt)}\t${requestId}\tERROR\tInvoke Error \t${payload}`);
  }

  const durationMs = status === "timeout" ? timeoutMs : Math.max(BASE_DURATION_MS, endedAt - startedAt);
  const initDurationMs = cold ? env.initDurationMs : undefined;
  const billedDurationMs = Math.ceil(durationMs + (BILL_INIT_PHASE && initDurationMs !== undefined ? initDurationMs : 0));
  log(`END RequestId: ${requestId}`);
  log(
    `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billedDurationMs} ms\t` +
      `Memory Size: ${settings.memorySizeMb} MB\tMax Memory Used: ${env.maxMemoryUsedMb} MB` +
      (initDurationMs !== undefined ? `\tInit Duration: ${initDurationMs.toFixed(2)} ms` : "") +
      (status === "timeout" ? "\tStatus: timeout" : ""),
  );

  fn.active -= 1;
  if (countedUnreserved) state.unreservedActive -= 1;
  env.busy = false;
  env.lastUsedAt = endedAt;
  state.invocations.push({
    functionName: fn.name, requestId, startedAt, endedAt, trigger: options.trigger, status, durationMs, billedDurationMs,
    initDurationMs, memorySizeMb: settings.memorySizeMb, concurrency,
  });
  trace.record("lambda", "invoke-end", fn.arn, { requestId, status, durationMs, billedDurationMs, trigger: options.trigger }, invoked.seq);
  return { kind: "completed", requestId, status, payload, value, logLines: lines, durationMs };
}
