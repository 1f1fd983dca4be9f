/**
 * The harness works in three layers, like vitest's runner: collect -> run -> report.
 * Everything a layer hands to the next is plain data (no functions, no class instances), so the
 * same run can be posted from a Worker, fed to the results panel, turned into Exercism results
 * or compared with real vitest in CI.
 */

/** How a task was declared, after `.only` has been interpreted for its file (so never "only" once run). */
export type TaskMode = "run" | "skip" | "only" | "todo";

/** Where a test or suite was declared, in the original (TypeScript) source of its file. */
export interface TaskLocation {
  line: number;
  column: number;
}

interface TaskBase {
  /** Stable id: the file's index in the run, then the index in each parent: "0", "0_1", "0_1_2". */
  id: string;
  /** The title as declared (after `each` interpolation). */
  name: string;
  /** Titles of the enclosing suites, outermost first (vitest's JSON reporter `ancestorTitles`). */
  ancestorTitles: string[];
  /** `[...ancestorTitles, name].join(" > ")`, which is vitest's own `fullTestName`. */
  fullName: string;
  /** Path of the test file, as given in the run request. */
  file: string;
  mode: TaskMode;
  location?: TaskLocation;
  /** Exercism task id, from `{ meta: { taskId } }` on the test or an enclosing suite. */
  taskId?: number;
}

export interface TestNode extends TaskBase {
  type: "test";
}

export interface SuiteNode extends TaskBase {
  type: "suite";
  tasks: TaskNode[];
}

export type TaskNode = TestNode | SuiteNode;

export interface FileNode {
  type: "file";
  id: string;
  /** Path of the test file, as given in the run request. */
  name: string;
  tasks: TaskNode[];
}

/** The collected tree: file > suite > test. */
export interface CollectedTree {
  files: FileNode[];
}

/** An error made plain: what a learner should read, without class instances. */
export interface TaskError {
  /** Error name when it says something (`TypeError`, `QueueDoesNotExist`); absent for assertions. */
  name?: string;
  /** The assertion message (a `expect(x, "custom")` message comes first, as chai puts it). */
  message: string;
  /** Compact, colourless "- Expected / + Received" diff for structured values. */
  diff?: string;
  /**
   * First stack frame in a learner or test file, when the runner says which files those are.
   * The line is the learner's own (sucrase keeps lines); the column is in the transpiled code.
   */
  location?: { file: string; line: number; column: number };
  stack?: string;
  /** For a suite's own errors: which of its hooks failed. */
  hook?: "beforeAll" | "afterAll";
}

/** A test's verdict in the run layer: vitest's own states. */
export type TestStatus = "pass" | "fail" | "skip";

/**
 * Why a test was skipped: its declared mode (skip, todo, not selected by `.only`), `context.skip()`
 * inside the test, or a failed `beforeAll` of an enclosing suite (vitest reports those as skipped too).
 */
export type SkipReason = "mode" | "todo" | "dynamic" | "hook-failed";

export type RunEvent =
  | { type: "suite-start" }
  | { type: "suite-end"; status: TestStatus; errors?: TaskError[]; durationMs: number }
  | { type: "test-start" }
  | {
      type: "test-end";
      status: TestStatus;
      skipReason?: SkipReason;
      errors?: TaskError[];
      durationMs: number;
      output: string;
    };

/** What the run layer emits: vitest's `[id, event]` task updates. */
export type RunUpdate = [id: string, event: RunEvent];

export interface TestResult {
  status: TestStatus;
  skipReason?: SkipReason;
  errors: TaskError[];
  durationMs: number;
  output: string;
}

export interface SuiteResult {
  status: TestStatus;
  /** Errors of the suite's own hooks (beforeAll/afterAll), not of its tests. */
  errors: TaskError[];
  durationMs: number;
}

/** The run layer's result: a map from task id to its result, plus the total wall time. */
export interface RunOutcome {
  tests: Record<string, TestResult>;
  suites: Record<string, SuiteResult>;
  durationMs: number;
}

/**
 * Where console output goes while tests run: the runner's console writes into whatever `begin`
 * opened, and `end` hands back the text the test printed (hooks included).
 */
export interface OutputCapture {
  begin(testId: string): void;
  end(): string;
}

export interface RunOptions {
  onUpdate?: (update: RunUpdate) => void;
  capture?: OutputCapture;
  /** vitest's `testTimeout` default. */
  testTimeoutMs?: number;
  /** vitest's `hookTimeout` default. */
  hookTimeoutMs?: number;
  /** Which stack-frame files are learner or test files, to give errors a `location`. */
  isUserFile?: (file: string) => boolean;
}

/** Exercism test-runner results, version 3 (https://exercism.org/docs/building/tooling/test-runners/interface). */
export type ExercismStatus = "pass" | "fail" | "error";

export interface ExercismTest {
  /** The full name, `suite > test` (vitest's `fullTestName`). */
  name: string;
  status: ExercismStatus;
  message?: string;
  output?: string;
  test_code: string;
  task_id?: number;
}

/** `Test` lets a runner carry more per test (its trace) in the same entries. */
export interface ExercismResults<Test extends ExercismTest = ExercismTest> {
  version: 3;
  status: ExercismStatus;
  message?: string;
  tests: Test[];
  durationMs: number;
}

export interface ReportOptions<Extra extends object = object> {
  /** Original sources by file path, to fill `test_code`. */
  sources?: Record<string, string>;
  /** Fields to add to each reported test's entry, by the test's id (the runner adds the test's trace). */
  extend?: (testId: string) => Extra;
}
