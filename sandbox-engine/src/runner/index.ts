import type { RunUpdate } from "../harness/index.ts";
import { defaultModules } from "./module-map.ts";
import { runExerciseWith } from "./run-exercise.ts";
import type { RunRequest, RunResults } from "./types.ts";

export type { RunRequest, RunResults, ModuleMap, RunnerOptions } from "./types.ts";
export type { HostToWorker, WorkerToHost } from "./protocol.ts";
export type { RunUpdate, RunEvent, ExercismResults, ExercismTest, ExercismStatus } from "../harness/index.ts";
export { lockDownNetwork, offlineMessage } from "./network.ts";
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
