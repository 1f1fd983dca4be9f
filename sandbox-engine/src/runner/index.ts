import type { RunUpdate } from "../harness/index.ts";
import { defaultModules } from "./module-map.ts";
import { runExerciseWith } from "./run-exercise.ts";
import type { RunRequest, RunResults } from "./types.ts";

export type { RunRequest, RunResults, RunTestResult, ModuleMap, RunnerOptions } from "./types.ts";
export { TRACE_LIMIT_PER_TEST } from "./test-traces.ts";
export type { RunUpdate, RunEvent, ExercismResults, ExercismTest, ExercismStatus } from "../harness/index.ts";
export { channelMessage, lockDownNetwork, offlineMessage, sealGlobalChannel } from "./network.ts";
export { guardRealm, moduleExports, type RealmGuard } from "./realm-guard.ts";
export { runExerciseWith } from "./run-exercise.ts";
export { defaultModules } from "./module-map.ts";

export interface RunExerciseOptions {
  /** Task updates as the run goes, for a live results panel. */
  onUpdate?: (update: RunUpdate) => void;
}

/** Run an exercise's tests against the learner's files, with the real sandbox-engine modules. */
export function runExercise(request: RunRequest, options: RunExerciseOptions = {}): Promise<RunResults> {
  return runExerciseWith(request, { modules: defaultModules, ...options });
}
