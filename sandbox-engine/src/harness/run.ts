import type { Collection, SuiteHooks, TestFn } from "./collect.ts";
import { isInstance, SkipSignal, toTaskError } from "./errors.ts";
import type { ExpectTestContext } from "./expect.ts";
import type {
  FileNode,
  RunOptions,
  RunOutcome,
  RunUpdate,
  SkipReason,
  SuiteNode,
  TaskError,
  TaskNode,
  TestNode,
  TestStatus,
} from "./types.ts";

/**
 * Run layer: executes a collected tree one test at a time and reports `[id, event]` updates. It
 * knows nothing of reporters. Hook semantics follow vitest (sequence.hooks = "stack"):
 * - beforeAll / beforeEach run in registration order, outer suite first;
 * - afterEach / afterAll run in reverse registration order, inner suite first, then the
 *   cleanups returned by beforeEach / beforeAll;
 * - a failing beforeEach skips the rest of the beforeEach chain and the body, fails the test,
 *   and the afterEach chain still runs; the first failing afterEach stops that chain;
 * - a failing beforeAll skips the suite's tests (vitest marks them skipped) and fails the suite.
 */

const DEFAULT_TEST_TIMEOUT_MS = 5_000;
const DEFAULT_HOOK_TIMEOUT_MS = 10_000;

type Scope = FileNode | SuiteNode;

export async function runCollection(collection: Collection, options: RunOptions = {}): Promise<RunOutcome> {
  const started = now();
  const outcome: RunOutcome = { tests: {}, suites: {}, durationMs: 0 };
  const emit = (update: RunUpdate) => {
    try {
      options.onUpdate?.(update);
    } catch {
      // A listener's failure must not change any verdict.
    }
  };
  const testTimeoutMs = options.testTimeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  const hookTimeoutMs = options.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
  const asError = (thrown: unknown) => toTaskError(thrown, options.isUserFile);
  const hooksOf = (scope: Scope): SuiteHooks | undefined => collection.hooks.get(scope.id);

  function finishTest(test: TestNode, status: TestStatus, errors: TaskError[], durationMs: number, output: string, skipReason?: SkipReason) {
    outcome.tests[test.id] = { status, errors, durationMs, output, ...(skipReason ? { skipReason } : {}) };
    emit([
      test.id,
      { type: "test-end", status, durationMs, output, ...(errors.length ? { errors } : {}), ...(skipReason ? { skipReason } : {}) },
    ]);
  }

  function skipAll(tasks: TaskNode[], reason: SkipReason | undefined, errors: TaskError[]) {
    for (const task of tasks) {
      if (task.type === "suite") {
        skipAll(task.tasks, reason, errors);
        outcome.suites[task.id] = { status: "skip", errors: [], durationMs: 0 };
        emit([task.id, { type: "suite-end", status: "skip", durationMs: 0 }]);
      } else {
        finishTest(task, "skip", errors, 0, "", reason ?? (task.mode === "todo" ? "todo" : "mode"));
      }
    }
  }

  async function callHooks(
    list: { fn: TestFn; timeoutMs?: number }[],
    args: unknown[],
    cleanups: TestFn[] | undefined,
  ): Promise<void> {
    for (const hook of list) {
      const result = await withTimeout(() => hook.fn(...args), hook.timeoutMs ?? hookTimeoutMs, "Hook");
      if (cleanups && typeof result === "function") cleanups.push(result as TestFn);
    }
  }

  async function runTest(test: TestNode, chain: Scope[]): Promise<void> {
    if (test.mode !== "run") {
      finishTest(test, "skip", [], 0, "", test.mode === "todo" ? "todo" : "mode");
      return;
    }
    const handler = collection.handlers.get(test.id);
    emit([test.id, { type: "test-start" }]);
    options.capture?.begin(test.id);
    const start = now();
    const errors: unknown[] = [];
    let skipped = false;
    const expectTest: ExpectTestContext = { type: "test", name: test.name, fullTestName: test.fullName };
    const listeners = { onFinished: [] as TestFn[], onFailed: [] as TestFn[] };
    const context = {
      task: { id: test.id, name: test.name, fullName: test.fullName, file: test.file },
      expect: collection.expect.expect,
      skip: (note?: string) => {
        throw new SkipSignal(note ?? "skipped");
      },
      onTestFinished: (fn: TestFn) => listeners.onFinished.push(fn),
      onTestFailed: (fn: TestFn) => listeners.onFailed.push(fn),
    };
    collection.expect.enterTest(expectTest);
    collection.running.test = listeners;
    const record = (thrown: unknown) => {
      if (isInstance(thrown, SkipSignal)) skipped = true;
      else errors.push(thrown);
    };

    const cleanups: TestFn[] = [];
    try {
      for (const scope of chain) await callHooks(hooksOf(scope)?.beforeEach ?? [], [context, scope], cleanups);
      await withTimeout(() => handler?.fn?.(context), handler?.timeoutMs ?? testTimeoutMs, "Test");
      // `.resolves` / `.rejects` assertions that were not awaited still count, as in vitest.
      if (expectTest.promises?.length) {
        for (const settled of await Promise.allSettled(expectTest.promises)) {
          if (settled.status === "rejected") record(settled.reason);
        }
      }
      const countError = collection.expect.assertionCountError();
      if (countError && !errors.length) errors.push(countError);
    } catch (thrown) {
      record(thrown);
    }
    try {
      for (const scope of [...chain].reverse()) {
        await callHooks([...(hooksOf(scope)?.afterEach ?? [])].reverse(), [context, scope], undefined);
      }
      for (const cleanup of cleanups.reverse()) await withTimeout(() => cleanup(), hookTimeoutMs, "Hook");
    } catch (thrown) {
      record(thrown);
    }
    for (const check of expectTest.onFinished ?? []) {
      try {
        check();
      } catch (thrown) {
        errors.push(thrown);
      }
    }
    const soft = expectTest.result?.errors ?? [];
    errors.push(...soft);

    let failed = errors.length > 0;
    if (handler?.fails && !skipped) {
      if (!failed) errors.push(new Error("Expect test to fail"));
      else errors.length = 0;
      failed = !failed;
    }
    for (const fn of [...listeners.onFinished, ...(failed ? listeners.onFailed : [])]) {
      try {
        await fn(context);
      } catch (thrown) {
        errors.push(thrown);
        failed = true;
      }
    }
    collection.running.test = undefined;
    collection.expect.enterTest(undefined);
    const output = options.capture?.end() ?? "";
    const status: TestStatus = failed ? "fail" : skipped ? "skip" : "pass";
    finishTest(test, status, failed ? errors.map(asError) : [], now() - start, output, status === "skip" ? "dynamic" : undefined);
  }

  async function runScope(scope: Scope, chain: Scope[]): Promise<TestStatus> {
    if (scope.type === "suite" && scope.mode !== "run") {
      skipAll(scope.tasks, undefined, []);
      outcome.suites[scope.id] = { status: "skip", errors: [], durationMs: 0 };
      emit([scope.id, { type: "suite-end", status: "skip", durationMs: 0 }]);
      return "skip";
    }
    emit([scope.id, { type: "suite-start" }]);
    const start = now();
    const hooks = hooksOf(scope);
    const suiteErrors: TaskError[] = [];
    const cleanups: TestFn[] = [];
    let failed = false;
    try {
      await callHooks(hooks?.beforeAll ?? [], [scope], cleanups);
    } catch (thrown) {
      suiteErrors.push({ ...asError(thrown), hook: "beforeAll" });
    }
    if (suiteErrors.length) {
      skipAll(scope.tasks, "hook-failed", suiteErrors.map(({ hook: _, ...error }) => error));
    } else {
      for (const task of scope.tasks) {
        if (task.type === "suite") {
          if ((await runScope(task, [...chain, task])) === "fail") failed = true;
        } else {
          await runTest(task, chain);
          if (outcome.tests[task.id]?.status === "fail") failed = true;
        }
      }
    }
    try {
      await callHooks([...(hooks?.afterAll ?? [])].reverse(), [scope], undefined);
      for (const cleanup of cleanups.reverse()) await withTimeout(() => cleanup(), hookTimeoutMs, "Hook");
    } catch (thrown) {
      suiteErrors.push({ ...asError(thrown), hook: "afterAll" });
    }
    const status: TestStatus = failed || suiteErrors.length ? "fail" : "pass";
    const durationMs = now() - start;
    outcome.suites[scope.id] = { status, errors: suiteErrors, durationMs };
    emit([scope.id, { type: "suite-end", status, durationMs, ...(suiteErrors.length ? { errors: suiteErrors } : {}) }]);
    return status;
  }

  try {
    for (const file of collection.tree.files) await runScope(file, [file]);
  } finally {
    collection.running.test = undefined;
    collection.expect.enterTest(undefined);
  }
  outcome.durationMs = now() - started;
  return outcome;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/**
 * Call `fn`; if it returns a thenable, wait for it at most `ms` (vitest's test/hook timeouts).
 * Synchronous tests take no timer at all, which keeps small runs at a few milliseconds.
 */
async function withTimeout(fn: () => unknown, ms: number, what: "Test" | "Hook"): Promise<unknown> {
  const result = fn();
  if (!isThenable(result)) return result;
  if (!(ms > 0) || ms === Infinity) return await result;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new Error(
          `${what} timed out in ${ms}ms. It is waiting for something that never happens: a promise that never ` +
            "resolves, or real time passing (in EventLab time moves only with `await sb.clock.advance(ms)`).",
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([result, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
