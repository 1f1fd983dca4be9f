import { formatTaskError } from "./errors.ts";
import { extractTestCode } from "./test-code.ts";
import type {
  CollectedTree,
  ExercismResults,
  ExercismStatus,
  ExercismTest,
  ReportOptions,
  RunOutcome,
  SuiteNode,
  TaskNode,
  TestNode,
} from "./types.ts";

/**
 * Report layer: a run as Exercism test-runner v3 results, tests in file order.
 *
 * Verdict mapping (the choice documented here is the one the parity check relies on):
 * - pass -> "pass"; fail (assertion, thrown error, failing beforeEach/afterEach, timeout) -> "fail".
 * - skipped tests (`.skip`, `.todo`, left out by `.only`, `context.skip()`) are left out of
 *   `tests`: Exercism has no "skipped" status, and vitest does not fail a run for them.
 * - tests that could not run because a `beforeAll` of their suite failed -> "error", with the
 *   hook's message: vitest reports them as skipped and fails the suite, but a learner needs to
 *   see which tests did not run and why.
 * - top level: "fail" when any test failed or errored or a suite hook failed (an afterAll
 *   failure fails the run in vitest even when every test passed; its message goes in
 *   `message`), otherwise "pass". ("error" is for runs that never got to the tests: the runner
 *   sets it for compile and load errors.)
 */
export function toExercismResults<Extra extends object = object>(
  tree: CollectedTree,
  outcome: RunOutcome,
  options: ReportOptions<Extra> = {},
): ExercismResults<ExercismTest & Extra> {
  const tests: (ExercismTest & Extra)[] = [];
  const hookMessages: string[] = [];

  const visit = (tasks: TaskNode[]) => {
    for (const task of tasks) {
      if (task.type === "suite") {
        visit(task.tasks);
        collectHookErrors(task);
        continue;
      }
      const entry = toEntry(task);
      if (entry) tests.push(entry);
    }
  };

  const collectHookErrors = (scope: SuiteNode | { id: string; name: string; type: "file" }) => {
    const errors = outcome.suites[scope.id]?.errors ?? [];
    const where = scope.type === "file" ? `in ${scope.name}` : `in "${(scope as SuiteNode).fullName}"`;
    for (const { hook, ...error } of errors) {
      // A failed beforeAll is already shown on each test it kept from running.
      if (hook !== "beforeAll") hookMessages.push(`${hook ?? "A hook"} ${where} failed: ${formatTaskError(error)}`);
    }
  };

  const toEntry = (test: TestNode): (ExercismTest & Extra) | undefined => {
    const result = outcome.tests[test.id];
    if (!result) return undefined;
    let status: ExercismStatus;
    let message: string | undefined;
    if (result.status === "pass") status = "pass";
    else if (result.status === "fail") {
      status = "fail";
      message = result.errors.map(formatTaskError).join("\n\n");
    } else if (result.skipReason === "hook-failed") {
      status = "error";
      message = `Not run: a beforeAll hook failed: ${result.errors.map(formatTaskError).join("\n\n")}`;
    } else return undefined;
    const source = options.sources?.[test.file];
    const entry: ExercismTest = {
      name: test.fullName,
      status,
      test_code: source && test.location ? extractTestCode(source, test.location.line) : "",
    };
    if (message !== undefined) entry.message = message;
    if (result.output) entry.output = result.output;
    if (test.taskId !== undefined) entry.task_id = test.taskId;
    return { ...entry, ...(options.extend?.(test.id) as Extra) };
  };

  for (const file of tree.files) {
    visit(file.tasks);
    collectHookErrors(file);
  }

  const suiteFailed = Object.values(outcome.suites).some((suite) => suite.errors.length > 0);
  const failed = suiteFailed || tests.some((t) => t.status !== "pass");
  const results: ExercismResults<ExercismTest & Extra> = {
    version: 3,
    status: failed ? "fail" : "pass",
    tests,
    durationMs: round(outcome.durationMs),
  };
  if (hookMessages.length) results.message = hookMessages.join("\n\n");
  return results;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
