import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from "@vitest/spy";

/**
 * The part of vitest's `vi` that exercise tests use: spies and mocks from @vitest/spy (the same
 * implementation vitest uses, so `toHaveBeenCalledWith` and friends read them as in vitest).
 * Whatever depends on real time or on a module graph is refused with a message that says what
 * to do instead.
 */
export type HarnessVi = Record<string, unknown>;

const unsupported = (what: string, instead: string) => () => {
  throw new Error(`${what} is not available in EventLab's test runner. ${instead}`);
};

const useClock = "Time is virtual here: move it with `await sb.clock.advance(ms)`.";

export function createVi(): HarnessVi {
  return {
    fn,
    spyOn,
    isMockFunction,
    clearAllMocks,
    resetAllMocks,
    restoreAllMocks,
    mocked: <T>(value: T): T => value,
    useFakeTimers: unsupported("vi.useFakeTimers()", useClock),
    advanceTimersByTime: unsupported("vi.advanceTimersByTime()", useClock),
    runAllTimers: unsupported("vi.runAllTimers()", useClock),
    waitFor: unsupported("vi.waitFor()", useClock),
    waitUntil: unsupported("vi.waitUntil()", useClock),
    mock: unsupported("vi.mock()", "Use vi.spyOn(object, 'method') or pass a vi.fn() in."),
  };
}

/** Undo every `vi.spyOn` made during a run, so the next run starts from the real objects. */
export const restoreSpies: () => void = restoreAllMocks;
