import type { ExercismResults, ExercismTest, RunUpdate } from "../harness/index.ts";
import type { TraceEvent } from "../index.ts";
import type { RunBill } from "./run-bill.ts";

export interface RunRequest {
  /** Path ("consumer.ts", "lib/x.ts", "consumer.test.ts") -> TypeScript source. */
  files: Record<string, string>;
  /** Which of `files` are test files; they load and run in this order. */
  testFiles: string[];
  /** Cap on all captured console output. Default 64 KB. */
  consoleLimitBytes?: number;
}

/** One test's Exercism entry plus what the simulated cloud recorded while it ran. */
export interface RunTestResult extends ExercismTest {
  /**
   * The trace events recorded while this test ran (its beforeEach/afterEach hooks included), from every sandbox
   * the run created, in the order recorded; at most `TRACE_LIMIT_PER_TEST` of them.
   */
  trace: TraceEvent[];
  /** How many events were left out past the limit (absent when none were). */
  traceDropped?: number;
}

/** Exercism v3 results, each test with its trace, plus what the results panel shows beside them. */
export interface RunResults extends ExercismResults<RunTestResult> {
  /** Everything printed during the run, capped at `consoleLimitBytes`. */
  console: string;
  /** What the run would cost on AWS at list prices: every sandbox its tests made (absent when no test ran). */
  bill?: RunBill;
}

/**
 * The tests a run collected, before the first one runs (vitest's `onCollected`): `total` counts every test
 * declared, as vitest counts them (skipped and todo ones too); `toRun` those that will run and get a result.
 */
export interface CollectedTests {
  total: number;
  toRun: number;
}

/**
 * Module id -> module namespace, for the bare ids learner and test code may import
 * ("sandbox-engine", "@aws-sdk/client-sqs", ...). "vitest" is added per run.
 */
export type ModuleMap = Record<string, object>;

export interface RunnerOptions {
  /** The bare modules available to learner code. */
  modules: ModuleMap;
  /** Streams task updates (test-start, test-end, ...) while the run goes. */
  onUpdate?: (update: RunUpdate) => void;
  /** Called once, when every test file is collected and before any test runs. */
  onCollected?: (tests: CollectedTests) => void;
  /**
   * Called the first time a run imports each of `modules` (the realm watch checks that module then); a throw
   * fails the import.
   */
  onImport?: (id: string) => void;
  /** vitest's per-test timeout (default 5000 ms); the whole run's limit is the host's job. */
  testTimeoutMs?: number;
}
