import type { ExercismResults, RunUpdate } from "../harness/index.ts";

export interface RunRequest {
  /** Path ("consumer.ts", "lib/x.ts", "consumer.test.ts") -> TypeScript source. */
  files: Record<string, string>;
  /** Which of `files` are test files; they load and run in this order. */
  testFiles: string[];
  /** Cap on all captured console output. Default 64 KB. */
  consoleLimitBytes?: number;
}

/** Exercism v3 results plus what the results panel shows beside them. */
export interface RunResults extends ExercismResults {
  /** Everything printed during the run, capped at `consoleLimitBytes`. */
  console: string;
  /** `sb.trace.events` of the sandbox the run created, if it created one. */
  trace: unknown[];
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
  /** vitest's per-test timeout (default 5000 ms); the whole run's limit is the host's job. */
  testTimeoutMs?: number;
}
