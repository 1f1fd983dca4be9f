/**
 * The runner's one protocol: every message that crosses page <-> frame <-> worker, as zod schemas. Each hop
 * parses what it receives with these schemas, so a message that learner code forged, mangled (by changing
 * built-in prototypes) or cut short is refused at the first hop it reaches, never acted on.
 *
 * Hops:
 * - page -> frame and frame -> page: `window.postMessage` between the page and the sandboxed iframe;
 * - frame -> worker: one `connect` on the Worker's own channel, carrying a `MessagePort`; everything after it
 *   travels over that port, which only the runner's code holds (learner code cannot reach it, and the Worker's
 *   global `postMessage` is disabled before any learner module loads);
 * - worker -> frame: over the same port.
 *
 * zod/mini keeps the page's bundle small (it tree-shakes to the validators used here).
 */
import * as z from "zod/mini";
import { isPlainRecord } from "../core/params.ts";
import type { TraceEvent } from "../index.ts";
import type { RunEvent, RunUpdate, TaskError } from "../harness/index.ts";
import type { RunBill } from "./run-bill.ts";
import type { CollectedTests, RunRequest, RunResults, RunTestResult } from "./types.ts";

const runId = z.int().check(z.positive());
const text = z.string();

export const runRequestSchema: z.ZodMiniType<RunRequest> = z.strictObject({
  files: z.record(z.string(), text),
  testFiles: z.array(text),
  consoleLimitBytes: z.optional(z.int().check(z.nonnegative())),
});

const taskErrorSchema: z.ZodMiniType<TaskError> = z.strictObject({
  name: z.optional(text),
  message: text,
  diff: z.optional(text),
  location: z.optional(z.strictObject({ file: text, line: z.number(), column: z.number() })),
  stack: z.optional(text),
  hook: z.optional(z.enum(["beforeAll", "afterAll"])),
});

const testStatus = z.enum(["pass", "fail", "skip"]);

const runEventSchema: z.ZodMiniType<RunEvent> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("suite-start") }),
  z.strictObject({ type: z.literal("suite-end"), status: testStatus, errors: z.optional(z.array(taskErrorSchema)), durationMs: z.number() }),
  z.strictObject({ type: z.literal("test-start") }),
  z.strictObject({
    type: z.literal("test-end"),
    status: testStatus,
    skipReason: z.optional(z.enum(["mode", "todo", "dynamic", "hook-failed"])),
    errors: z.optional(z.array(taskErrorSchema)),
    durationMs: z.number(),
    output: text,
  }),
]);

const runUpdateSchema: z.ZodMiniType<RunUpdate> = z.tuple([text, runEventSchema]);

/**
 * A test's trace, checked for its shape: an array of `{ time, seq, service, kind, resource, details, cause? }` whose
 * details hold JSON values only (the engine keeps them structured-cloneable). The engine made it (the runner copies
 * it from the sandbox), so the service and kind are taken as the engine's `TraceEvent` union once they are strings;
 * the check is that nothing else (a forged or mangled message) passes for one.
 *
 * A plain function rather than a zod object per event: a run's traces are most of what a result carries, and
 * checking them event by event with zod's objects and a lazy union per detail cost a warm run milliseconds at each
 * hop (profiled: ~1.5 ms for 89 events per hop in Node). Every hop gets structured clones, so there are no getters
 * or prototypes to guard against beyond plain objects and arrays.
 */
export function isTrace(value: unknown): value is TraceEvent[] {
  if (!Array.isArray(value)) return false;
  for (const event of value) if (!isTraceEvent(event)) return false;
  return true;
}

const eventKeys = new Set(["time", "seq", "service", "kind", "resource", "details", "cause"]);

function isTraceEvent(event: unknown): boolean {
  if (!isPlainRecord(event)) return false;
  const { time, seq, service, kind, resource, details, cause } = event;
  for (const key in event) if (!eventKeys.has(key)) return false;
  return (
    typeof time === "number" &&
    Number.isFinite(time) &&
    isCount(seq) &&
    typeof service === "string" &&
    typeof kind === "string" &&
    typeof resource === "string" &&
    (cause === undefined || isCount(cause)) &&
    isPlainRecord(details) &&
    Object.values(details).every((detail) => isJsonValue(detail, 0))
  );
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** JSON values nest (an array of ids); 32 levels is far more than any detail needs. */
function isJsonValue(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      if (value === null) return true;
      if (depth >= 32) return false;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      return isPlainRecord(value) && Object.values(value).every((item) => isJsonValue(item, depth + 1));
    default:
      return false;
  }
}

const exercismStatus = z.enum(["pass", "fail", "error"]);

const runTestResultSchema: z.ZodMiniType<RunTestResult> = z.strictObject({
  name: text,
  status: exercismStatus,
  message: z.optional(text),
  output: z.optional(text),
  test_code: text,
  task_id: z.optional(z.number()),
  trace: z.custom<TraceEvent[]>(isTrace, "expected the engine's trace events: { time, seq, service, kind, resource, details of JSON values, cause? }"),
  traceDropped: z.optional(z.int().check(z.positive())),
});

const count = z.number().check(z.nonnegative());

const runBillSchema: z.ZodMiniType<RunBill> = z.strictObject({
  currency: z.literal("USD"),
  lines: z.array(
    z.strictObject({
      service: z.enum(["SQS", "SNS", "Lambda", "SES", "API Gateway"]),
      item: text,
      quantity: count,
      costUsd: count,
      source: text,
    }),
  ),
  totalUsd: count,
  virtualSeconds: count,
});

export const runResultsSchema: z.ZodMiniType<RunResults> = z.strictObject({
  version: z.literal(3),
  status: exercismStatus,
  message: z.optional(text),
  tests: z.array(runTestResultSchema),
  durationMs: z.number(),
  console: text,
  bill: z.optional(runBillSchema),
});

/** The tests a run collected (vitest's onCollected), sent before the first progress, for "3 of 7 tests done". */
const collectedTestsSchema: z.ZodMiniType<CollectedTests> = z
  .strictObject({ total: z.int().check(z.positive()), toRun: z.int().check(z.nonnegative()) })
  .check(z.refine((tests) => tests.toRun <= tests.total, "toRun cannot exceed total"));

/** Page -> frame. A run that is superseded is cancelled; the frame terminates its Worker. */
export const pageToFrameSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("init"), workerSource: text }),
  /** Trusted exercise content (the starter and its tests) that fresh Workers run unseen to warm up their JIT. */
  z.strictObject({ type: z.literal("prepare"), request: runRequestSchema }),
  z.strictObject({ type: z.literal("run"), runId, request: runRequestSchema, timeLimitMs: z.number().check(z.positive()) }),
  z.strictObject({ type: z.literal("cancel"), runId }),
]);
export type PageToFrame = z.infer<typeof pageToFrameSchema>;

/** Why a run ended without results from its Worker. */
export const stopReasons = ["time-limit", "memory", "crash", "invalid-message"] as const;
export type StopReason = (typeof stopReasons)[number];

/** Frame -> page. */
export const frameToPageSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("frame-ready") }),
  z.strictObject({ type: z.literal("collected"), runId, tests: collectedTestsSchema }),
  z.strictObject({ type: z.literal("progress"), runId, updates: z.array(runUpdateSchema) }),
  z.strictObject({ type: z.literal("result"), runId, results: runResultsSchema }),
  /** The frame ended the run and replaced its Worker; `detail` says what happened, in a learner's words. */
  z.strictObject({ type: z.literal("stopped"), runId, reason: z.enum(stopReasons), detail: text, elapsedMs: z.number() }),
]);
export type FrameToPage = z.infer<typeof frameToPageSchema>;

/**
 * Frame -> worker over the report port. `warm-up` runs trusted exercise content a few times in a fresh Worker
 * and throws the results away, so the learner's run finds the engine, harness and transpiler already compiled.
 */
export const frameToWorkerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("run"), runId, request: runRequestSchema }),
  z.strictObject({ type: z.literal("warm-up"), request: runRequestSchema, iterations: z.int().check(z.positive()) }),
]);
export type FrameToWorker = z.infer<typeof frameToWorkerSchema>;

/** Frame -> worker on the Worker's global channel: the only message ever sent there, carrying the report port. */
export const connectMessageSchema = z.strictObject({ type: z.literal("connect") });
export type ConnectMessage = z.infer<typeof connectMessageSchema>;

/** Worker -> frame over the report port. */
export const workerToFrameSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("ready") }),
  /** Every test file is collected: how many tests the run has. Sent with the first progress, before it. */
  z.strictObject({ type: z.literal("collected"), runId, tests: collectedTestsSchema }),
  /** The harness's task updates since the last progress message, in order. */
  z.strictObject({ type: z.literal("progress"), runId, updates: z.array(runUpdateSchema) }),
  z.strictObject({ type: z.literal("result"), runId, results: runResultsSchema }),
  /**
   * The last run changed what the next run would see (a built-in, a global, an engine export): this Worker must
   * not run again. Sent after that run's result, so it costs the result nothing.
   */
  z.strictObject({ type: z.literal("retire"), changed: z.array(text) }),
  /** A run that reached a retired Worker: the frame sends it to a fresh one. */
  z.strictObject({ type: z.literal("retired"), runId }),
]);
export type WorkerToFrame = z.infer<typeof workerToFrameSchema>;

export type ParseOutcome<T> = { ok: true; message: T } | { ok: false; problem: string };

/**
 * Parses a message with one of the schemas above. Never throws: a message that is not an object, has getters
 * that throw, or fails the schema gives `ok: false` with the first problems in plain words.
 */
export function parseMessage<T>(schema: z.ZodMiniType<T>, data: unknown): ParseOutcome<T> {
  try {
    const parsed = schema.safeParse(data);
    if (parsed.success) return { ok: true, message: parsed.data };
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join(".") || "message"}: ${issue.message}`);
    return { ok: false, problem: problems.join("; ") };
  } catch (thrown) {
    return { ok: false, problem: `it could not be read (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
}
