import { createCollector, type VitestApi } from "./collect.ts";
import { toExercismResults } from "./report.ts";
import { runCollection } from "./run.ts";
import type { CollectedTree, ExercismResults, ExercismTest, FileNode, ReportOptions, RunOptions, RunOutcome } from "./types.ts";

export type * from "./types.ts";
export type { VitestApi } from "./collect.ts";
export type { VitestTypes } from "./vitest-types.ts";
export { formatTitle } from "./each.ts";
export { toTaskError, formatTaskError, isInstance } from "./errors.ts";
export { restoreSpies } from "./vi.ts";

/** One harness per run: collect test files, run them once, report. */
export interface Harness {
  /** What `import ... from "vitest"` must return inside this run. */
  api: VitestApi;
  /** Load one test file (`load` evaluates it, registering tests through `api`) and collect it. */
  collect(file: string, load: () => unknown): Promise<FileNode>;
  /** The collected tree so far: plain data. */
  tree(): CollectedTree;
  run(options?: RunOptions): Promise<RunOutcome>;
  report<Extra extends object = object>(outcome: RunOutcome, options?: ReportOptions<Extra>): ExercismResults<ExercismTest & Extra>;
}

export function createHarness(): Harness {
  const collector = createCollector();
  return {
    api: collector.api,
    collect: (file, load) => collector.collectFile(file, load),
    tree: () => collector.collection.tree,
    run: (options) => runCollection(collector.collection, options),
    report: (outcome, options) => toExercismResults(collector.collection.tree, outcome, options),
  };
}
