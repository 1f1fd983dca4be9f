/**
 * Function logs (CloudWatch Logs shape): each function has the log group /aws/lambda/<name>, each
 * execution environment a log stream "YYYY/MM/DD/[$LATEST]<32 hex>", and each invocation writes
 * START / END / REPORT lines (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html).
 *
 * Handler console output. Learner handlers log with `console.log`. While any invocation runs, the
 * runtime wraps the methods of the registered console objects (globalThis.console, plus any
 * registered with routeConsoleToLambdaLogs, e.g. the runner's injected console): each call still
 * prints as before, and is also written to the running invocation's stream as
 * "<ISO time>\t<requestId>\tINFO\t<message>" as the Node.js runtime does. Attribution without
 * AsyncLocalStorage (not available in browsers): output of a handler's synchronous part goes to
 * that invocation exactly; output after an `await` goes to the most recently started invocation
 * still running. With one invocation at a time (the usual exercise) that is always right; with
 * concurrent invocations a line may carry another running invocation's RequestId. `process.env`
 * follows the same rule (process-env.ts).
 */
import { format } from "@vitest/utils/display";
import { LOG_TAIL_BYTES, MAX_LOG_LINES_PER_FUNCTION } from "./lambda-limits.ts";
import { hideProcessEnv, showProcessEnv } from "./process-env.ts";
import type { LambdaFunction, LogLine } from "./lambda-state.ts";

type ConsoleLike = Record<string, unknown>;
type Method = "log" | "info" | "warn" | "error" | "debug" | "trace";
const LEVELS: Readonly<Record<Method, string>> = { log: "INFO", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG", trace: "TRACE" };

/** Where a running invocation's console lines go; also what `process.env` shows it (process-env.ts). */
export interface LogSink {
  write(level: string, message: string): void;
  /** The invocation's environment variables. */
  readonly variables?: Readonly<Record<string, string>>;
}

const targets = new Set<ConsoleLike>();
if (typeof globalThis.console === "object" && globalThis.console !== null) targets.add(globalThis.console as unknown as ConsoleLike);
const originals = new Map<ConsoleLike, Map<Method, unknown>>();
/** Running invocations, oldest first (across sandboxes of this JavaScript realm). */
const running: LogSink[] = [];
/** The invocation whose synchronous handler code is executing right now, if any. */
let current: LogSink | undefined;

/** Also capture console calls made through `target` (a console object injected into learner modules). */
export function routeConsoleToLambdaLogs(target: object): () => void {
  const console = target as ConsoleLike;
  targets.add(console);
  if (running.length > 0) patch(console);
  return () => {
    unpatch(console);
    targets.delete(console);
  };
}

function formatArgs(args: unknown[]): string {
  try {
    return format(args);
  } catch {
    return args.map((arg) => {
      try {
        return String(arg);
      } catch {
        return "[unprintable]";
      }
    }).join(" ");
  }
}

function patch(console: ConsoleLike): void {
  if (originals.has(console)) return;
  const saved = new Map<Method, unknown>();
  for (const method of Object.keys(LEVELS) as Method[]) {
    const original = console[method];
    if (typeof original !== "function") continue;
    saved.set(method, original);
    console[method] = function (this: unknown, ...args: unknown[]) {
      const sink = current ?? running[running.length - 1];
      if (sink !== undefined) sink.write(LEVELS[method], formatArgs(args));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  originals.set(console, saved);
}

function unpatch(console: ConsoleLike): void {
  const saved = originals.get(console);
  if (saved === undefined) return;
  for (const [method, original] of saved) console[method] = original;
  originals.delete(console);
}

/** The invocation code is running for, by the attribution rule above, if any. */
export function activeSink(): LogSink | undefined {
  return current ?? running[running.length - 1];
}

/** Marks an invocation as running (its console output is captured, its `process.env` shown, until `end`). */
export function beginCapture(sink: LogSink): void {
  if (running.length === 0) {
    for (const console of targets) patch(console);
    showProcessEnv(activeSink);
  }
  running.push(sink);
}

export function endCapture(sink: LogSink): void {
  const index = running.lastIndexOf(sink);
  if (index >= 0) running.splice(index, 1);
  if (current === sink) current = undefined;
  if (running.length === 0) {
    for (const console of targets) unpatch(console);
    hideProcessEnv();
  }
}

/** Runs `fn` (a handler's synchronous part) with its console output attributed to `sink`. */
export function withSink<T>(sink: LogSink, fn: () => T): T {
  const previous = current;
  current = sink;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

export function appendLog(fn: LambdaFunction, line: LogLine): void {
  fn.logs.push(line);
  // Trim in chunks (amortised O(1)); readers take the last MAX_LOG_LINES_PER_FUNCTION (recentLogs).
  if (fn.logs.length > MAX_LOG_LINES_PER_FUNCTION * 2) fn.logs.splice(0, fn.logs.length - MAX_LOG_LINES_PER_FUNCTION);
}

export function recentLogs(fn: LambdaFunction): readonly LogLine[] {
  return fn.logs.length > MAX_LOG_LINES_PER_FUNCTION ? fn.logs.slice(-MAX_LOG_LINES_PER_FUNCTION) : fn.logs;
}

export function logStreamName(now: number, suffix: string): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll("-", "/");
  return `${day}/[$LATEST]${suffix}`;
}

const encoder = new TextEncoder();
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? "=" : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? "=" : BASE64[n & 63]!;
  }
  return out;
}

/** LogType Tail: the last 4 KB of the invocation's log, base64 (the Invoke API's LogResult). */
export function logTail(lines: readonly string[]): string {
  const bytes = encoder.encode(lines.map((line) => `${line}\n`).join(""));
  return base64(bytes.length > LOG_TAIL_BYTES ? bytes.subarray(bytes.length - LOG_TAIL_BYTES) : bytes);
}
