import * as chai from "chai";
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  addCustomEqualityTesters,
  customMatchers,
  getState,
  setState,
} from "@vitest/expect";

/**
 * `expect` built the way vitest builds it (vitest/dist/chunks/index.*.js `createExpect`): chai with
 * the @vitest/expect plugins, asymmetric matchers copied on, per-expect state for
 * `expect.assertions`, and `withTest` so `expect.soft` and `.resolves`/`.rejects` can record into
 * the running test. No matcher is written here.
 */

/** What @vitest/expect reads and writes on the test it is bound to (`withTest`). */
export interface ExpectTestContext {
  type: "test";
  name: string;
  fullTestName: string;
  /** Written by `expect.soft` failures (handleTestError). */
  result?: { state: string; errors?: unknown[] };
  /** Promises of `.resolves`/`.rejects` assertions, awaited before the test ends. */
  promises?: Promise<unknown>[];
  /** Checks that throw when a `.resolves`/`.rejects` assertion was not awaited. */
  onFinished?: (() => void)[];
}

// The harness only needs the call shape; the full matcher types come from vitest's own .d.ts in
// the learner's editor.
export type HarnessExpect = ((value: unknown, message?: string) => unknown) & Record<string, unknown>;

interface ExpectState {
  assertionCalls: number;
  isExpectingAssertions: boolean;
  isExpectingAssertionsError: Error | null;
  expectedAssertionsNumber: number | null;
  expectedAssertionsNumberErrorGen: (() => Error) | null;
}

let pluginsInstalled = false;

/**
 * Chai is a module singleton and `chai.use` patches `Assertion.prototype` for the whole realm.
 * Under vitest (our own CI) vitest has already installed its copy of these plugins on the same
 * chai; installing ours again would overwrite vitest's matchers for the rest of that process, so
 * we reuse what is there. In the Worker nothing is installed yet and we install once.
 */
function installPlugins(): void {
  if (pluginsInstalled) return;
  pluginsInstalled = true;
  if (typeof (chai.Assertion.prototype as unknown as Record<string, unknown>)["toEqual"] === "function") return;
  chai.use(JestExtend);
  chai.use(JestChaiExpect);
  chai.use(ChaiStyleAssertions);
  chai.use(JestAsymmetricMatchers);
  chaiExtend(chai.expect, customMatchers);
}

/** JestExtend's `chai.expect.extend` is a chai method: it must be called on `chai.expect`. */
function chaiExtend(target: unknown, matchers: unknown): void {
  const host = chai.expect as unknown as { extend?: (expect: unknown, matchers: unknown) => void };
  host.extend?.(target, matchers);
}

export interface ExpectHandle {
  expect: HarnessExpect;
  /** Bind assertions to a test (or to none, outside tests) and reset the assertion counters. */
  enterTest(test: ExpectTestContext | undefined): void;
  /** The `expect.assertions(n)` / `expect.hasAssertions()` verdict for the test that just ran. */
  assertionCountError(): Error | undefined;
}

export function createExpect(): ExpectHandle {
  installPlugins();
  let current: ExpectTestContext | undefined;
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = readState();
    setState({ assertionCalls: assertionCalls + 1 }, expect as never);
    const assertion = chai.expect(value, message) as unknown as { withTest(t: unknown): unknown };
    return current ? assertion.withTest(current) : assertion;
  }) as HarnessExpect;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as unknown as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT]);
  const readState = () => getState(expect as never) as unknown as ExpectState;
  resetState(undefined);

  expect["getState"] = () => getState(expect as never);
  expect["setState"] = (state: object) => setState(state as never, expect as never);
  expect["assert"] = chai.assert;
  expect["extend"] = (matchers: unknown) => chaiExtend(expect, matchers);
  expect["addEqualityTesters"] = (testers: never) => addCustomEqualityTesters(testers);
  expect["soft"] = (value: unknown, message?: string) =>
    (expect(value, message) as { withContext(c: object): unknown }).withContext({ soft: true });
  expect["unreachable"] = (message?: string) => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : " "}not to be reached`);
  };
  expect["poll"] = () => {
    throw new Error("expect.poll() waits in real time; in EventLab move time with `await sb.clock.advance(ms)` instead.");
  };
  expect["assertions"] = (expected: number) => {
    const errorGen = () =>
      new Error(`expected number of assertions to be ${expected}, but got ${readState().assertionCalls}`);
    setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen }, expect as never);
  };
  expect["hasAssertions"] = () => {
    setState(
      {
        isExpectingAssertions: true,
        isExpectingAssertionsError: new Error("expected any number of assertion, but got none"),
      },
      expect as never,
    );
  };

  function resetState(test: ExpectTestContext | undefined): void {
    setState(
      {
        assertionCalls: 0,
        isExpectingAssertions: false,
        isExpectingAssertionsError: null,
        expectedAssertionsNumber: null,
        expectedAssertionsNumberErrorGen: null,
        currentTestName: test?.fullTestName ?? "",
      },
      expect as never,
    );
  }

  return {
    expect,
    enterTest(test) {
      current = test;
      resetState(test);
    },
    assertionCountError() {
      const state = readState();
      if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
        return state.expectedAssertionsNumberErrorGen?.() ?? new Error("unexpected number of assertions");
      }
      if (state.isExpectingAssertions && state.assertionCalls === 0) {
        return state.isExpectingAssertionsError ?? new Error("expected any number of assertion, but got none");
      }
      return undefined;
    },
  };
}
