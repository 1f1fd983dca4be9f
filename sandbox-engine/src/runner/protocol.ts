import type { RunUpdate } from "../harness/index.ts";
import type { RunRequest, RunResults } from "./types.ts";

/** Page -> Worker. A run that is superseded is stopped by terminating the Worker, not by a message. */
export type HostToWorker = { type: "run"; runId: number; request: RunRequest };

/** Worker -> page. `event` carries the harness's `[id, event]` task updates as they happen. */
export type WorkerToHost =
  | { type: "ready" }
  | { type: "event"; runId: number; event: RunUpdate }
  | { type: "result"; runId: number; results: RunResults };
