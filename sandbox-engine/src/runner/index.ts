import type { RunUpdate } from "../harness/index.ts";
import { defaultModules } from "./module-map.ts";
import { runExerciseWith } from "./run-exercise.ts";
import type { CollectedTests, RunRequest, RunResults } from "./types.ts";

export type { CollectedTests, RunRequest, RunResults, RunTestResult, ModuleMap, RunnerOptions } from "./types.ts";
export type { RunBill } from "./run-bill.ts";
export type { BillLine, BilledService } from "../billing/sandbox-bill.ts";
export { TRACE_LIMIT_PER_TEST } from "./test-traces.ts";
export type { RunUpdate, RunEvent, ExercismResults, ExercismTest, ExercismStatus } from "../harness/index.ts";
export { channelMessage, lockDownNetwork, offlineMessage, sealGlobalChannel } from "./network.ts";
export { guardRealm, moduleExports, type RealmGuard, type RealmScope } from "./realm-guard.ts";
export { guardRunnerRealm, watchRealm, type RealmWatch } from "./realm-watch.ts";
export { runExerciseWith } from "./run-exercise.ts";
export { defaultModules } from "./module-map.ts";

export interface RunExerciseOptions {
  /** Task updates as the run goes, for a live results panel. */
  onUpdate?: (update: RunUpdate) => void;
  /** The tests collected, before the first runs ("3 of 7 tests done"). */
  onCollected?: (tests: CollectedTests) => void;
  /** The first import of each module in a run (see RunnerOptions). */
  onImport?: (id: string) => void;
}

/** Run an exercise's tests against the learner's files, with the real sandbox-engine modules. */
export function runExercise(request: RunRequest, options: RunExerciseOptions = {}): Promise<RunResults> {
  return runExerciseWith(request, { modules: defaultModules, ...options });
}
