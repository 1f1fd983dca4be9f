import * as chai from "chai";
import { formatTemplateString, formatTitle } from "./each.ts";
import { parseFrame } from "./errors.ts";
import { createExpect, type ExpectHandle } from "./expect.ts";
import { createVi } from "./vi.ts";
import type { CollectedTree, FileNode, SuiteNode, TaskLocation, TaskMode, TaskNode, TestNode } from "./types.ts";

/**
 * Collect layer: the object that `import ... from "vitest"` returns inside a run, and the plain
 * tree it builds. One collector per run (no module-level registry), so runs never see each
 * other's tests. Suite factories run deferred, after their file finished loading, depth first,
 * as vitest does; `.only` is interpreted per file with vitest's rules.
 */

export type TestFn = (...args: unknown[]) => unknown;
export type HookName = "beforeAll" | "afterAll" | "beforeEach" | "afterEach";
export type SuiteHooks = Record<HookName, { fn: TestFn; timeoutMs?: number }[]>;

export interface TestHandler {
  fn?: TestFn;
  timeoutMs?: number;
  /** `it.fails`: passes when the body fails. */
  fails: boolean;
}

/** Listeners the running test exposes to `onTestFinished` / `onTestFailed`. */
export interface RunningTestHooks {
  onFinished: TestFn[];
  onFailed: TestFn[];
}

/** The tree plus what cannot be serialized (functions), kept apart by id. */
export interface Collection {
  tree: CollectedTree;
  handlers: Map<string, TestHandler>;
  hooks: Map<string, SuiteHooks>;
  expect: ExpectHandle;
  /** Set by the run layer while a test runs. */
  running: { test?: RunningTestHooks };
}

export type VitestApi = Record<string, unknown> & { __esModule: true };

export interface Collector {
  /** What `require("vitest")` returns. */
  api: VitestApi;
  collection: Collection;
  /** Load one test file (`load` evaluates it) and collect its suites. Throws what loading throws. */
  collectFile(file: string, load: () => unknown): Promise<FileNode>;
}

interface Flags {
  mode: TaskMode;
  fails: boolean;
}

interface TaskOptions {
  timeout?: number;
  skip?: boolean;
  only?: boolean;
  todo?: boolean;
  fails?: boolean;
  meta?: { taskId?: unknown };
}

type Container = FileNode | SuiteNode;
type Register = (name: string, optionsOrFn: unknown, fnOrOptions: unknown, flags: Flags) => void;

export function createCollector(): Collector {
  const expect = createExpect();
  const collection: Collection = {
    tree: { files: [] },
    handlers: new Map(),
    hooks: new Map(),
    expect,
    running: {},
  };
  const factories = new Map<string, TestFn>();
  let current: Container | undefined;
  let currentFile = "";

  function container(what: string): Container {
    if (!current) {
      throw new Error(`${what}() can only be called while test files load, not inside a test or hook.`);
    }
    return current;
  }

  function base(parent: Container, name: string, mode: TaskMode, options: TaskOptions) {
    const ancestorTitles = parent.type === "file" ? [] : [...parent.ancestorTitles, parent.name];
    const taskId = typeof options.meta?.taskId === "number" ? options.meta.taskId : parentTaskId(parent);
    const location = captureLocation(currentFile);
    return {
      id: `${parent.id}_${parent.tasks.length}`,
      name,
      ancestorTitles,
      fullName: [...ancestorTitles, name].join(" > "),
      file: currentFile,
      mode: options.skip ? "skip" : options.only ? "only" : options.todo ? "todo" : mode,
      ...(location ? { location } : {}),
      ...(taskId !== undefined ? { taskId } : {}),
    } satisfies Omit<TestNode, "type">;
  }

  const registerTest: Register = (name, optionsOrFn, fnOrOptions, flags) => {
    const parent = container("test");
    const { options, handler } = parseArguments(optionsOrFn, fnOrOptions);
    const node: TestNode = { type: "test", ...base(parent, name, flags.mode, options) };
    // A test without a body is a todo in vitest.
    if (!handler && node.mode !== "skip") node.mode = "todo";
    parent.tasks.push(node);
    collection.handlers.set(node.id, {
      ...(handler ? { fn: handler } : {}),
      ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
      fails: flags.fails || !!options.fails,
    });
  };

  const registerSuite: Register = (name, optionsOrFn, fnOrOptions, flags) => {
    const parent = container("describe");
    const { options, handler } = parseArguments(optionsOrFn, fnOrOptions);
    const node: SuiteNode = { type: "suite", ...base(parent, name, flags.mode, options), tasks: [] };
    if (!handler && node.mode !== "skip") node.mode = "todo";
    parent.tasks.push(node);
    if (handler) factories.set(node.id, handler);
  };

  const hook = (name: HookName) => (fn: TestFn, timeoutMs?: number) => {
    const owner = container(name);
    let hooks = collection.hooks.get(owner.id);
    if (!hooks) {
      hooks = { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
      collection.hooks.set(owner.id, hooks);
    }
    hooks[name].push(timeoutMs === undefined ? { fn } : { fn, timeoutMs });
  };

  const testListener = (key: keyof RunningTestHooks, what: string) => (fn: TestFn) => {
    const test = collection.running.test;
    if (!test) throw new Error(`${what}() can only be called inside a test.`);
    test[key].push(fn);
  };

  const it = chainable(registerTest, { mode: "run", fails: false });
  const describe = chainable(registerSuite, { mode: "run", fails: false });
  const api: VitestApi = {
    __esModule: true,
    describe,
    suite: describe,
    it,
    test: it,
    expect: expect.expect,
    assert: chai.assert,
    vi: createVi(),
    beforeAll: hook("beforeAll"),
    afterAll: hook("afterAll"),
    beforeEach: hook("beforeEach"),
    afterEach: hook("afterEach"),
    onTestFinished: testListener("onFinished", "onTestFinished"),
    onTestFailed: testListener("onFailed", "onTestFailed"),
  };

  async function collectSuite(suite: SuiteNode, parent: Container): Promise<void> {
    const factory = factories.get(suite.id);
    current = suite;
    try {
      if (factory) await factory();
    } finally {
      current = parent;
    }
    for (const task of [...suite.tasks]) if (task.type === "suite") await collectSuite(task, suite);
  }

  return {
    api,
    collection,
    async collectFile(file, load) {
      const node: FileNode = { type: "file", id: String(collection.tree.files.length), name: file, tasks: [] };
      collection.tree.files.push(node);
      current = node;
      currentFile = file;
      try {
        await load();
        for (const task of [...node.tasks]) if (task.type === "suite") await collectSuite(task, node);
      } finally {
        current = undefined;
      }
      interpretModes(node);
      return node;
    },
  };
}

function parentTaskId(parent: Container): number | undefined {
  return parent.type === "suite" ? parent.taskId : undefined;
}

/** vitest's `parseArguments`: (name, fn, options|timeout) or (name, options, fn). */
function parseArguments(optionsOrFn: unknown, fnOrOptions: unknown): { options: TaskOptions; handler?: TestFn } {
  let options: TaskOptions = {};
  let handler: TestFn | undefined;
  if (typeof optionsOrFn === "function") {
    handler = optionsOrFn as TestFn;
    if (typeof fnOrOptions === "number") options = { timeout: fnOrOptions };
    else if (typeof fnOrOptions === "object" && fnOrOptions !== null) options = fnOrOptions as TaskOptions;
  } else {
    if (typeof optionsOrFn === "number") options = { timeout: optionsOrFn };
    else if (typeof optionsOrFn === "object" && optionsOrFn !== null) options = optionsOrFn as TaskOptions;
    if (typeof fnOrOptions === "function") handler = fnOrOptions as TestFn;
  }
  return handler ? { options, handler } : { options };
}

function formatName(name: unknown): string {
  if (typeof name === "string") return name;
  if (typeof name === "function") return name.name || "<anonymous>";
  return String(name);
}

/**
 * `it`, `it.skip.each`, `describe.only`, ...: a callable with chain modifiers, built fresh per
 * collector. Getters build the next link on demand, so unused modifiers cost nothing.
 */
function chainable(register: Register, flags: Flags): TestFn {
  const call = (name: unknown, optionsOrFn?: unknown, fnOrOptions?: unknown) =>
    register(formatName(name), optionsOrFn, fnOrOptions, flags);
  const next = (change: Partial<Flags>) => chainable(register, { ...flags, ...change });
  const keep = () => chainable(register, flags);
  Object.defineProperties(call, {
    skip: { get: () => next({ mode: "skip" }) },
    only: { get: () => next({ mode: flags.mode === "run" ? "only" : flags.mode }) },
    todo: { get: () => next({ mode: "todo" }) },
    fails: { get: () => next({ fails: true }) },
    // Tests run one at a time here; `concurrent` is accepted and runs them in order.
    concurrent: { get: keep },
    sequential: { get: keep },
    shuffle: { get: keep },
  });
  Object.assign(call, {
    skipIf: (condition: unknown) => (condition ? next({ mode: "skip" }) : keep()),
    runIf: (condition: unknown) => (condition ? keep() : next({ mode: "skip" })),
    each: (cases: unknown, ...args: unknown[]) => {
      const rows = toCases(cases, args);
      return (name: unknown, optionsOrFn?: unknown, fnOrOptions?: unknown) => {
        const template = formatName(name);
        const { options, handler } = parseArguments(optionsOrFn, fnOrOptions);
        const arrayOnly = rows.every(Array.isArray);
        rows.forEach((row, idx) => {
          const items = Array.isArray(row) ? row : [row];
          const fn = handler && (arrayOnly ? () => handler(...items) : () => handler(row));
          register(formatTitle(template, items, idx), options, fn, flags);
        });
      };
    },
    for: (cases: unknown, ...args: unknown[]) => {
      const rows = toCases(cases, args);
      return (name: unknown, optionsOrFn?: unknown, fnOrOptions?: unknown) => {
        const template = formatName(name);
        const { options, handler } = parseArguments(optionsOrFn, fnOrOptions);
        rows.forEach((row, idx) => {
          const items = Array.isArray(row) ? row : [row];
          const fn = handler && ((context: unknown) => handler(row, context));
          register(formatTitle(template, items, idx), options, fn, flags);
        });
      };
    },
  });
  return call;
}

function toCases(cases: unknown, args: unknown[]): unknown[] {
  if (!Array.isArray(cases)) throw new TypeError("`.each` expects an array of cases or a template literal table.");
  return args.length ? formatTemplateString(cases as string[], args) : cases;
}

/** Line and column of the `it(...)` / `describe(...)` call in the test file, from a stack trace. */
function captureLocation(file: string): TaskLocation | undefined {
  const errorClass = Error as unknown as { stackTraceLimit?: number };
  const limit = errorClass.stackTraceLimit;
  // Nested describes and `.each` add frames; V8 keeps only 10 by default.
  errorClass.stackTraceLimit = 50;
  const stack = new Error().stack ?? "";
  errorClass.stackTraceLimit = limit;
  for (const line of stack.split("\n")) {
    const frame = parseFrame(line);
    if (frame && (frame.file === file || frame.file.endsWith(`/${file}`))) {
      return { line: frame.line, column: frame.column };
    }
  }
  return undefined;
}

/** vitest's `interpretTaskModes` for one file, with `.only` allowed. */
function interpretModes(file: FileNode): void {
  const withOnly = new Set<string>();
  const markOnly = (tasks: TaskNode[]): boolean => {
    let found = false;
    for (const task of tasks) {
      const inside = task.type === "suite" && markOnly(task.tasks);
      if (inside) withOnly.add(task.id);
      found ||= inside || task.mode === "only";
    }
    return found;
  };
  const onlyMode = markOnly(file.tasks);

  const traverse = (tasks: TaskNode[], suite: SuiteNode | undefined, parentIsOnly: boolean) => {
    const suiteIsOnly = parentIsOnly || suite?.mode === "only";
    const hasSomeTasksOnly = onlyMode && (suite ? withOnly.has(suite.id) : true);
    for (const task of tasks) {
      const containsOnly = task.type === "suite" && withOnly.has(task.id);
      const include = hasSomeTasksOnly ? task.mode === "only" || containsOnly : suiteIsOnly || task.mode === "only";
      if (onlyMode) {
        if (task.type === "suite" && (include || containsOnly)) {
          if (task.mode === "only") task.mode = "run";
        } else if (task.mode === "run" && !include) task.mode = "skip";
        else if (task.mode === "only") task.mode = "run";
      }
      if (task.type === "suite") {
        if (task.mode === "skip" || task.mode === "todo") setAll(task.tasks, task.mode);
        else traverse(task.tasks, task, include);
      }
    }
    if (suite && suite.mode === "run" && tasks.length && tasks.every((t) => t.mode !== "run")) suite.mode = "skip";
  };
  traverse(file.tasks, undefined, false);
}

function setAll(tasks: TaskNode[], mode: "skip" | "todo"): void {
  for (const task of tasks) {
    if (task.mode === "run" || task.mode === "only") task.mode = mode;
    if (task.type === "suite") setAll(task.tasks, mode);
  }
}
