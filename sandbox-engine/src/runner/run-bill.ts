import { addBills, sandboxBill, type BillableSandbox, type SandboxBill } from "../billing/sandbox-bill.ts";
import type { RunUpdate } from "../harness/index.ts";

/** What the run's bill needs of a sandbox: each service's bill, and its clock for the virtual time it spent. */
export interface MeteredSandbox extends BillableSandbox {
  readonly clock: { now(): number };
}

/** What the bill needs of the engine module (a test may stand in for it). */
export interface MeteredSource {
  onSandboxCreated?: (listener: (sandbox: MeteredSandbox) => void) => () => void;
}

/** The bill of a whole run: every sandbox its tests made, added up, and the virtual time they spent. */
export interface RunBill extends SandboxBill {
  /** Virtual seconds the run's sandboxes spent, added up (each from its creation to its clock's last reading). */
  readonly virtualSeconds: number;
}

export interface RunBillMeter {
  /** Feed it the harness's task updates: each test-end reads the bills of the sandboxes still alive. */
  onUpdate(update: RunUpdate): void;
  /** The run's bill so far (the run is over). */
  bill(): RunBill;
  stop(): void;
}

interface Entry {
  readonly sandbox: WeakRef<MeteredSandbox>;
  readonly startedAt: number;
  endedAt: number;
  last: SandboxBill | undefined;
}

/**
 * Reads each sandbox's bill at every test end and keeps the last one, so a sandbox's usage counts even after the
 * next test's sandbox replaced it and it was collected (sandboxes are held weakly, as for the per-test traces).
 */
export function createRunBill(engine: MeteredSource | undefined): RunBillMeter {
  const entries: Entry[] = [];
  const stop = engine?.onSandboxCreated?.((sandbox) => {
    const startedAt = readClock(sandbox) ?? 0;
    entries.push({ sandbox: new WeakRef(sandbox), startedAt, endedAt: startedAt, last: undefined });
  });
  const read = () => {
    for (const entry of entries) {
      const sandbox = entry.sandbox.deref();
      if (sandbox === undefined) continue;
      try {
        entry.last = sandboxBill(sandbox);
        entry.endedAt = readClock(sandbox) ?? entry.endedAt;
      } catch {
        // A sandbox a test broke (a replaced bill method that throws) keeps its last readable bill.
      }
    }
  };
  return {
    onUpdate([, event]) {
      if (event.type === "test-end" && event.status !== "skip") read();
    },
    bill() {
      read();
      const bills = entries.flatMap((entry) => (entry.last ? [entry.last] : []));
      const virtualMs = entries.reduce((sum, entry) => sum + Math.max(0, entry.endedAt - entry.startedAt), 0);
      return { ...addBills(bills), virtualSeconds: virtualMs / 1000 };
    },
    stop: () => stop?.(),
  };
}

function readClock(sandbox: MeteredSandbox): number | undefined {
  try {
    const now = sandbox.clock.now();
    return typeof now === "number" && Number.isFinite(now) ? now : undefined;
  } catch {
    return undefined;
  }
}
