import { format, inspect } from "@vitest/utils/display";
import type { OutputCapture } from "../harness/index.ts";

/**
 * The `console` learner and test modules see. Output goes to the running test's `output` and
 * to the run's buffer, both capped, so a learner's `while (true) console.log(...)` costs memory
 * only up to the cap. Formatting is Node's util.format, as vitest prints it (@vitest/utils
 * `format`): "%s %d %o", objects inline as `{ a: 1 }`, circular refs as [Circular]. Nothing a
 * learner logs can make it throw.
 */

export type SandboxConsole = Record<
  "log" | "info" | "debug" | "warn" | "error" | "trace" | "dir" | "table" | "assert" | "group" | "groupEnd" | "count" | "countReset" | "time" | "timeEnd" | "timeLog",
  (...args: unknown[]) => void
>;

export interface ConsoleCapture {
  console: SandboxConsole;
  capture: OutputCapture;
  /** Everything printed so far, with a note when the cap cut it. */
  text(): string;
}

export const DEFAULT_CONSOLE_LIMIT_BYTES = 64 * 1024;

export function createConsoleCapture(limitBytes = DEFAULT_CONSOLE_LIMIT_BYTES): ConsoleCapture {
  const all = new CappedBuffer(limitBytes);
  let test: CappedBuffer | undefined;
  let indent = "";
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  const write = (text: string) => {
    const line = indent ? text.replace(/^/gm, indent) : text;
    all.append(`${line}\n`);
    test?.append(`${line}\n`);
  };
  const print = (args: unknown[]) => write(formatArgs(args));
  const label = (value: unknown) => (value === undefined ? "default" : safe(() => String(value), "default"));

  const sandboxConsole: SandboxConsole = {
    log: (...args) => print(args),
    info: (...args) => print(args),
    debug: (...args) => print(args),
    warn: (...args) => print(args),
    error: (...args) => print(args),
    trace: (...args) => print(["Trace:", ...args]),
    dir: (value) => write(safe(() => inspect(value), "[unprintable]")),
    table: (value) => write(safe(() => inspect(value, { multiline: true }), "[unprintable]")),
    assert: (condition, ...args) => {
      if (!condition) print(args.length ? ["Assertion failed:", ...args] : ["Assertion failed"]);
    },
    group: (...args) => {
      if (args.length) print(args);
      indent += "  ";
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
    count: (name) => {
      const key = label(name);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      write(`${key}: ${n}`);
    },
    countReset: (name) => {
      counts.delete(label(name));
    },
    time: (name) => {
      timers.set(label(name), performance.now());
    },
    timeLog: (name, ...args) => {
      const start = timers.get(label(name));
      if (start !== undefined) print([`${label(name)}: ${(performance.now() - start).toFixed(3)}ms`, ...args]);
    },
    timeEnd: (name) => {
      const start = timers.get(label(name));
      if (start === undefined) return;
      timers.delete(label(name));
      write(`${label(name)}: ${(performance.now() - start).toFixed(3)}ms`);
    },
  };

  return {
    console: sandboxConsole,
    capture: {
      begin() {
        test = new CappedBuffer(limitBytes);
      },
      end() {
        const text = test?.text() ?? "";
        test = undefined;
        return text;
      },
    },
    text: () => all.text(),
  };
}

export function formatArgs(args: unknown[]): string {
  try {
    return format(args);
  } catch {
    // A throwing getter, toString or Proxy trap: print each argument on its own, as best we can.
    return args.map((arg) => safe(() => (typeof arg === "string" ? arg : inspect(arg)), describe(arg))).join(" ");
  }
}

function describe(value: unknown): string {
  return safe(() => `[${typeof value === "object" && value !== null ? Object.prototype.toString.call(value).slice(8, -1) : typeof value}]`, "[unprintable]");
}

function safe(fn: () => string, fallback: string): string {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** A string buffer that stops at `limit` UTF-8 bytes and remembers it was cut. */
class CappedBuffer {
  private parts: string[] = [];
  private bytes = 0;
  private cut = false;
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }

  append(text: string): void {
    if (this.cut) return;
    const size = utf8Length(text);
    if (this.bytes + size <= this.limit) {
      this.parts.push(text);
      this.bytes += size;
      return;
    }
    this.parts.push(sliceToBytes(text, this.limit - this.bytes));
    this.bytes = this.limit;
    this.cut = true;
  }

  text(): string {
    const text = this.parts.join("");
    return this.cut ? `${text}\n… output cut at ${formatSize(this.limit)}` : text;
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function sliceToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3;
    if (bytes + width > maxBytes) break;
    bytes += width;
    i += width === 4 ? 2 : 1;
  }
  return text.slice(0, i);
}

function formatSize(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}
