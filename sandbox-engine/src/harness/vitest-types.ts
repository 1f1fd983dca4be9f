import type { ExpectStatic } from "@vitest/expect";
import type { assert } from "chai";
import type { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from "@vitest/spy";

/**
 * The types of what `import { ... } from "vitest"` gives exercise code in EventLab's runner: the subset of vitest's
 * API the harness implements (collect.ts builds the values). The editor's IntelliSense reads these, so a learner
 * sees the same signatures as in vitest for everything that works here, and nothing that does not.
 */
type Awaitable<T> = T | PromiseLike<T>;

export interface TestOptions {
  timeout?: number;
  skip?: boolean;
  only?: boolean;
  todo?: boolean;
  fails?: boolean;
}

export interface TestContext {
  /** Called when the test ends, pass or fail. */
  onTestFinished(listener: () => Awaitable<unknown>): void;
  /** Called when the test fails. */
  onTestFailed(listener: () => Awaitable<unknown>): void;
}

type TestBody = (context: TestContext) => Awaitable<unknown>;

export interface EachTest {
  <Case extends readonly unknown[]>(cases: readonly Case[]): (name: string, fn: (...args: Case) => Awaitable<unknown>, timeout?: number) => void;
  <Case>(cases: readonly Case[]): (name: string, fn: (arg: Case) => Awaitable<unknown>, timeout?: number) => void;
}

export interface EachSuite {
  <Case extends readonly unknown[]>(cases: readonly Case[]): (name: string, fn: (...args: Case) => void) => void;
  <Case>(cases: readonly Case[]): (name: string, fn: (arg: Case) => void) => void;
}

export interface TestApi {
  (name: string, fn?: TestBody, timeout?: number): void;
  (name: string, options: TestOptions, fn?: TestBody): void;
  skip: TestApi;
  only: TestApi;
  fails: TestApi;
  todo(name: string): void;
  each: EachTest;
}

export interface SuiteApi {
  (name: string, fn?: () => Awaitable<void>): void;
  (name: string, options: TestOptions, fn?: () => Awaitable<void>): void;
  skip: SuiteApi;
  only: SuiteApi;
  todo(name: string): void;
  each: EachSuite;
}

export type Hook = (fn: () => Awaitable<unknown>, timeout?: number) => void;

export interface Vi {
  fn: typeof fn;
  spyOn: typeof spyOn;
  isMockFunction: typeof isMockFunction;
  clearAllMocks: typeof clearAllMocks;
  resetAllMocks: typeof resetAllMocks;
  restoreAllMocks: typeof restoreAllMocks;
  mocked<T>(value: T): T;
}

export interface VitestTypes {
  describe: SuiteApi;
  suite: SuiteApi;
  it: TestApi;
  test: TestApi;
  expect: ExpectStatic;
  assert: typeof assert;
  vi: Vi;
  beforeAll: Hook;
  afterAll: Hook;
  beforeEach: Hook;
  afterEach: Hook;
  onTestFinished: TestContext["onTestFinished"];
  onTestFailed: TestContext["onTestFailed"];
}
