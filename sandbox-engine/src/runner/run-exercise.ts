import { createHarness, formatTaskError, isInstance, restoreSpies, toTaskError, type ExercismResults, type RunUpdate } from "../harness/index.ts";
import { createConsoleCapture, DEFAULT_CONSOLE_LIMIT_BYTES } from "./console-capture.ts";
import { createModuleLoader, ModuleLoadError } from "./module-loader.ts";
import { createRunBill, type MeteredSource } from "./run-bill.ts";
import { createTestTraces, type SandboxSource } from "./test-traces.ts";
import { transpile, TranspileError } from "./transpile.ts";
import type { CollectedTests, ModuleMap, RunnerOptions, RunRequest, RunResults, RunTestResult } from "./types.ts";

/**
 * One run: transpile every file, load the test files (which load the learner's modules),
 * collect, run, report. Same code in the Worker and in Node; the bare modules come in through
 * `options.modules` so tests can stand in for the engine.
 */
export async function runExerciseWith(request: RunRequest, options: RunnerOptions): Promise<RunResults> {
  try {
    return await runOnce(request, options);
  } catch (thrown) {
    // Whatever learner code throws is caught closer to it; this is the net under the runner itself.
    return {
      version: 3,
      status: "error",
      message: `The test runner failed: ${formatTaskError(toTaskError(thrown))}`,
      tests: [],
      durationMs: 0,
      console: "",
    };
  }
}

async function runOnce(request: RunRequest, options: RunnerOptions): Promise<RunResults> {
  const started = now();
  const output = createConsoleCapture(request.consoleLimitBytes ?? DEFAULT_CONSOLE_LIMIT_BYTES);
  const finish = (results: ExercismResults<RunTestResult> & Pick<RunResults, "bill">): RunResults => ({
    ...results,
    durationMs: Math.round((now() - started) * 100) / 100,
    console: output.text(),
  });
  const error = (message: string) => finish({ version: 3, status: "error", message, tests: [], durationMs: 0 });

  const missing = request.testFiles.filter((file) => !Object.prototype.hasOwnProperty.call(request.files, file));
  if (missing.length) return error(`Test file not found: ${missing.join(", ")}`);

  // Every file, imported or not, so a syntax error anywhere is reported before anything runs.
  try {
    for (const [file, source] of Object.entries(request.files)) transpile(file, source);
  } catch (thrown) {
    if (isInstance(thrown, TranspileError)) return error((thrown as TranspileError).message);
    throw thrown;
  }

  const harness = createHarness();
  const loader = createModuleLoader({
    files: request.files,
    builtins: toInteropModules(options.modules, { vitest: harness.api }, options.onImport),
    console: output.console,
  });
  const isUserFile = (file: string) => Object.prototype.hasOwnProperty.call(request.files, file);
  // Lambda handlers written by the learner log through the injected console; the engine copies those lines
  // into the function's log stream (START / END / REPORT), as the Node.js runtime does with stdout.
  const lambdaLogs = options.modules["sandbox-engine"] as { routeConsoleToLambdaLogs?: (console: object) => () => void } | undefined;
  const stopRoutingLogs = lambdaLogs?.routeConsoleToLambdaLogs?.(output.console);
  const traces = createTestTraces(options.modules["sandbox-engine"] as SandboxSource | undefined);
  const meter = createRunBill(options.modules["sandbox-engine"] as MeteredSource | undefined);
  const onUpdate = (update: RunUpdate) => {
    traces.onUpdate(update);
    meter.onUpdate(update);
    options.onUpdate?.(update);
  };

  try {
    for (const file of request.testFiles) {
      try {
        await harness.collect(file, () => loader.load(file));
      } catch (thrown) {
        // A top-level throw in a learner module names that module; one in a describe() body names the test file.
        const known = isInstance(thrown, ModuleLoadError) || isInstance(thrown, TranspileError);
        return error(known ? (thrown as Error).message : new ModuleLoadError(file, thrown, isUserFile).message);
      }
    }
    const collected = countTests(harness.tree().files);
    if (collected.total === 0) return error(`No tests found in ${request.testFiles.join(", ")}.`);
    try {
      options.onCollected?.(collected);
    } catch {
      // A listener's failure must not change any verdict.
    }

    const outcome = await harness.run({
      capture: output.capture,
      isUserFile,
      onUpdate,
      ...(options.testTimeoutMs !== undefined ? { testTimeoutMs: options.testTimeoutMs } : {}),
    });
    return finish({ ...harness.report(outcome, { sources: request.files, extend: traces.traceOf }), bill: meter.bill() });
  } finally {
    traces.stop();
    meter.stop();
    stopRoutingLogs?.();
    // Spies made with vi.spyOn on shared objects (an SDK client prototype) must not outlive the run.
    restoreSpies();
  }
}

/**
 * Sucrase's `_interopRequireWildcard` / `_interopRequireDefault` pass objects marked
 * `__esModule` through unchanged; an ES module namespace is not marked, so mark a copy. A copy
 * per run also means `vi.spyOn(module, "fn")` in one run cannot leak into the next.
 * Each copy is made when the run first imports that id: the SDK modules export some 4,400 names in all (a few
 * ms to copy on every run), and a run imports one or two of them.
 */
function toInteropModules(modules: ModuleMap, extra: Record<string, unknown>, onImport?: (id: string) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, namespace] of Object.entries(modules)) {
    let copy: Record<string, unknown> | undefined;
    Object.defineProperty(out, id, {
      enumerable: true,
      get: () => {
        if (copy === undefined) {
          onImport?.(id);
          copy = { __esModule: true };
          for (const key of Object.keys(namespace)) copy[key] = (namespace as Record<string, unknown>)[key];
        }
        return copy;
      },
    });
  }
  return Object.assign(out, extra);
}

/** Every test declared (vitest's count), and those whose mode lets them run (`.only` already applied per file). */
function countTests(tasks: readonly { type: string; mode?: string; tasks?: unknown }[], counted: CollectedTests = { total: 0, toRun: 0 }): CollectedTests {
  for (const task of tasks) {
    if (task.type !== "test") countTests((task.tasks ?? []) as { type: string }[], counted);
    else {
      counted.total++;
      if (task.mode === "run") counted.toRun++;
    }
  }
  return counted;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
