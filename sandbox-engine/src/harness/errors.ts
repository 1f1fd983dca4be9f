import { processError } from "@vitest/utils/error";
import type { TaskError } from "./types.ts";

/** Longest diff kept in a message: learners read it in a results panel, not a terminal. */
const MAX_DIFF_LINES = 40;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** Names that add nothing in front of the message. */
const QUIET_NAMES = new Set(["AssertionError", "Error", "JestExtendError"]);

/** Thrown by `context.skip()`; marks the test skipped, as in vitest. */
export class SkipSignal extends Error {
  override name = "SkipSignal";
}

/**
 * `instanceof` that cannot throw: learner code may throw a Proxy whose getPrototypeOf trap
 * throws, and the harness must still report it.
 */
export function isInstance(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/**
 * Turn anything thrown into a plain TaskError: chai/vitest's message (with the `expect(x, "why")`
 * message first, which chai already does), a colourless diff only where it helps (objects,
 * multi-line strings; for `expected 1 to be 2` the message says it all), and the first frame in a
 * learner file. Never throws, whatever was thrown (hostile getters, revoked proxies...).
 */
export function toTaskError(thrown: unknown, isUserFile?: (file: string) => boolean): TaskError {
  try {
    if (thrown === null || (typeof thrown !== "object" && typeof thrown !== "function")) {
      return { message: safeString(thrown) };
    }
    const raw = thrown as Record<string, unknown>;
    const alreadyProcessed = typeof raw["diff"] === "string" || raw["diff"] === null;
    const wantsDiff = structured(raw["actual"]) || structured(raw["expected"]);
    // processError computes the diff (and serialises): the one vitest shows.
    const processed = (alreadyProcessed ? raw : processError(thrown)) as Record<string, unknown>;
    const name = typeof processed["name"] === "string" ? processed["name"] : undefined;
    // Mock matchers colour their messages for terminals; a results panel shows text.
    const error: TaskError = { message: explain(safeString(processed["message"] ?? thrown).replace(ANSI, "")) };
    if (name && !QUIET_NAMES.has(name)) error.name = name;
    const diff = processed["diff"];
    if (typeof diff === "string" && diff && wantsDiff) {
      error.diff = compactDiff(diff);
    }
    const stack = typeof raw["stack"] === "string" ? raw["stack"] : undefined;
    if (stack) {
      error.stack = stack;
      const location = isUserFile ? firstUserFrame(stack, isUserFile) : undefined;
      if (location) error.location = location;
    }
    return error;
  } catch {
    return { message: "an error was thrown that cannot be displayed" };
  }
}

/** Adds the why to JavaScript's messages that say only what failed. */
function explain(message: string): string {
  return explainOutOfMemory(explainFrozenBuiltIn(message));
}

/** V8's words for an allocation too big to make. */
const TOO_BIG = /^(Invalid string length|Array buffer allocation failed)/;

export function explainOutOfMemory(message: string): string {
  if (!TOO_BIG.test(message)) return message;
  return `${message}: the run used too much memory (a string or buffer that grows without end?).`;
}

/** V8's words for a write to a frozen or locked object or property. */
const FROZEN_WRITE = /^Cannot (assign to read only property|add property|define property|redefine property|delete property)\b/;

/**
 * In the browser runner the built-ins are frozen and the sandbox's own globals locked, so that no run changes what
 * the next one sees. V8's message for such a write ("Cannot add property then, object is not extensible") says
 * what failed, not why: add the why.
 */
export function explainFrozenBuiltIn(message: string): string {
  if (!FROZEN_WRITE.test(message)) return message;
  return (
    `${message}. If that is one of JavaScript's built-in objects (Object.prototype, Array.prototype, Promise, ...) ` +
    "or a global of the sandbox such as postMessage: EventLab freezes those, so that one run cannot change what " +
    "the next one sees. Put your additions on your own objects instead."
  );
}

/** The text a learner reads for one error. */
export function formatTaskError(error: TaskError): string {
  let text = error.name ? `${error.name}: ${error.message}` : error.message;
  if (error.diff) text += `\n\n${error.diff}`;
  // An assertion already says what was expected; for a crash, where it happened is the clue.
  // Only the line: sucrase keeps lines but not columns, so a column would point at the wrong place.
  if (error.name && error.location) text += `\n    at ${error.location.file}:${error.location.line}`;
  return text;
}

export function safeString(value: unknown): string {
  try {
    if (typeof value === "string") return value;
    if (typeof value === "symbol") return value.toString();
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function structured(value: unknown): boolean {
  return (typeof value === "object" && value !== null) || (typeof value === "string" && value.includes("\n"));
}

function compactDiff(diff: string): string {
  const lines = diff.replace(ANSI, "").split("\n");
  if (lines.length <= MAX_DIFF_LINES) return lines.join("\n");
  return [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more diff lines`].join("\n");
}

// "at fn (consumer.ts:3:7)", "at consumer.ts:3:7" (V8), "fn@consumer.ts:3:7" (Firefox, Safari).
const FRAME = /(?:^|[\s(@])([^\s()@]+):(\d+):(\d+)\)?\s*$/;

export function parseFrame(line: string): { file: string; line: number; column: number } | undefined {
  const m = FRAME.exec(line);
  if (!m) return undefined;
  return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
}

export function firstUserFrame(
  stack: string,
  isUserFile: (file: string) => boolean,
): { file: string; line: number; column: number } | undefined {
  for (const line of stack.split("\n")) {
    const frame = parseFrame(line);
    if (frame && isUserFile(frame.file)) return frame;
  }
  return undefined;
}
