import type { RunRequest } from "sandbox-engine/runner";
import type { ExerciseFolder } from "../../src/lib/exercises/schema.ts";

/** The run request the browser would send for an exercise, with the learner's files taken from `variant`. */
export function exerciseRequest(exercise: ExerciseFolder, variant: "starter" | "solution"): RunRequest {
  const learnerFiles = variant === "starter" ? exercise.starter : exercise.solution;
  return {
    files: Object.fromEntries([...learnerFiles, ...exercise.tests].map((file) => [file.name, file.source])),
    testFiles: exercise.tests.map((file) => file.name),
  };
}

export const solutionRequest = (exercise: ExerciseFolder) => exerciseRequest(exercise, "solution");
