import type { RunUpdate } from "../harness/index.ts";
import type { RunRequest, RunResults } from "./types.ts";

/**
 * Page -> Worker. A run that is superseded is stopped by terminating the Worker, not by a message.
 * `warm-up` runs trusted exercise content (the starter and its tests) a few times in a fresh Worker and throws the
 * results away, so the learner's run finds the engine, harness and transpiler already compiled by the JIT.
 */
export type HostToWorker =
  | { type: "run"; runId: number; request: RunRequest }
  | { type: "warm-up"; request: RunRequest; iterations: number };

/** Worker -> page. `event` carries the harness's `[id, event]` task updates as they happen. */
export type WorkerToHost =
  | { type: "ready" }
  | { type: "event"; runId: number; event: RunUpdate }
  | { type: "result"; runId: number; results: RunResults };
