import type { RunUpdate } from "../harness/index.ts";
import type { TraceEvent } from "../index.ts";
import type { RunTestResult } from "./types.ts";

/** Most trace events one test hands to the page: enough for any exercise, small enough to post and draw. */
export const TRACE_LIMIT_PER_TEST = 2_000;

/** What the runner needs of a sandbox: its trace. */
interface TracedSandbox {
  readonly trace: { readonly events: readonly TraceEvent[] };
}

/** What the runner needs of the engine module (a test may stand in for it). */
export interface SandboxSource {
  onSandboxCreated?: (listener: (sandbox: TracedSandbox) => void) => () => void;
}

export interface TestTraces {
  /** Feed it the harness's task updates: a test's trace is cut at its test-start and test-end. */
  onUpdate(update: RunUpdate): void;
  /** The trace of a finished test, for its results entry. */
  traceOf(testId: string): Pick<RunTestResult, "trace" | "traceDropped">;
  /** Stops watching for new sandboxes (the run is over). */
  stop(): void;
}

/**
 * One trace per test: the events recorded, while the test ran (its beforeEach and afterEach hooks included), in
 * every sandbox of the run: one made by the test itself, or one made in a beforeAll and shared by several tests.
 * Sandboxes come one after the other, each one's events in the order it recorded them.
 */
export function createTestTraces(engine: SandboxSource | undefined): TestTraces {
  // Weakly held: a test's sandbox must stay collectable once the next test replaces it, as it is without the
  // runner watching (holding every sandbox of a run made warm runs slower, in garbage collection).
  let sandboxes: WeakRef<TracedSandbox>[] = [];
  const stopWatching = engine?.onSandboxCreated?.((sandbox) => sandboxes.push(new WeakRef(sandbox)));
  const alive = (): TracedSandbox[] => {
    const found: TracedSandbox[] = [];
    sandboxes = sandboxes.filter((ref) => {
      const sandbox = ref.deref();
      if (sandbox) found.push(sandbox);
      return sandbox !== undefined;
    });
    return found;
  };
  /** Per running test: how many events each sandbox had when it started (a sandbox made later starts at 0). */
  const starts = new Map<string, WeakMap<TracedSandbox, number>>();
  const traces = new Map<string, Pick<RunTestResult, "trace" | "traceDropped">>();

  return {
    onUpdate([id, event]) {
      if (event.type === "test-start") {
        starts.set(id, new WeakMap(alive().map((sandbox) => [sandbox, eventsOf(sandbox).length])));
      } else if (event.type === "test-end") {
        const started = starts.get(id);
        if (!started) return; // skipped without running: no trace
        starts.delete(id);
        const trace: TraceEvent[] = [];
        let dropped = 0;
        for (const sandbox of alive()) {
          const events = eventsOf(sandbox);
          for (let index = started.get(sandbox) ?? 0; index < events.length; index++) {
            if (trace.length < TRACE_LIMIT_PER_TEST) trace.push(events[index]!);
            else dropped++;
          }
        }
        traces.set(id, dropped ? { trace, traceDropped: dropped } : { trace });
      }
    },
    traceOf: (testId) => traces.get(testId) ?? { trace: [] },
    stop: () => stopWatching?.(),
  };
}

function eventsOf(sandbox: TracedSandbox): readonly TraceEvent[] {
  try {
    const events = sandbox.trace.events;
    return Array.isArray(events) ? events : [];
  } catch {
    return [];
  }
}
