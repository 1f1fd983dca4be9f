/// <reference lib="webworker" />
// The Worker that runs a learner's code and the exercise's tests. It lives inside an opaque-origin iframe (see
// sandbox-frame.ts), so it has no access to the site's storage or cookies. Here, before any learner code: the
// built-ins are frozen (harden-realm.ts), the network is cut, and learner code loses the Worker's own message
// channel: the runner reports over a MessagePort that only this module's closure holds. Around each run a realm
// guard checks that nothing the next run would see has changed; if something has, this Worker retires.
import * as chai from "chai";
import {
  defaultModules,
  guardRunnerRealm,
  lockDownNetwork,
  moduleExports,
  runExercise,
  sealGlobalChannel,
  type CollectedTests,
  type RunExerciseOptions,
  type RunRequest,
  type RunResults,
  type RunUpdate,
} from "sandbox-engine/runner";
import { hardenBuiltIns, hardenHostObjects } from "./harden-realm.ts";
import { connectMessageSchema, frameToWorkerSchema, parseMessage, type FrameToWorker, type WorkerToFrame } from "sandbox-engine/runner/protocol";

declare const self: DedicatedWorkerGlobalScope;

hardenBuiltIns();
lockDownNetwork(self);

/** A trusted run made before the realm snapshot, so lazy set-up (vitest's matchers on chai) is already done. */
const primer: RunRequest = {
  files: { "primer.test.ts": 'import { it, expect } from "vitest";\nit("primes", () => { expect({ a: 1 }).toEqual({ a: 1 }); });' },
  testFiles: ["primer.test.ts"],
};

self.addEventListener(
  "message",
  (event) => {
    const port = event.ports[0];
    if (!parseMessage(connectMessageSchema, event.data).ok || !port) return;
    sealGlobalChannel(self);
    hardenHostObjects(self);
    void serve(port);
  },
  { once: true },
);

async function serve(port: MessagePort): Promise<void> {
  // Bound now, before any learner code runs: a run that replaces MessagePort.prototype.postMessage (or
  // Function.prototype.call) does not reach this reference.
  const send: (message: WorkerToFrame) => void = MessagePort.prototype.postMessage.bind(port);
  await runExercise(primer);
  // Everything a run could change that the next run would see: built-ins, globals, the engine's exports, chai, and
  // the SDK modules, each checked around the runs that import it (realm-watch.ts).
  const { watch } = guardRunnerRealm({ globalThis: self, ...moduleExports({ chai }) }, defaultModules);
  let retired = false;
  /** One run at a time: runs share the engine's module state (the current sandbox), so they never interleave. */
  let queue: Promise<unknown> = Promise.resolve();
  let learnerRunWaiting = false;

  /** Retires this Worker if a check found changes; the frame hears of it before the next run. */
  const retireFor = (changed: string[]): boolean => {
    if (changed.length === 0) return false;
    retired = true;
    send({ type: "retire", changed });
    return true;
  };
  /** Runs `request` unless the realm it would see was changed; undefined when it was (this Worker retired). */
  const runChecked = async (request: RunRequest, options: RunExerciseOptions = {}): Promise<RunResults | undefined> => {
    if (retireFor(watch.beforeRun(request.files))) return undefined;
    const onImport = (id: string) => {
      if (retireFor(watch.imported(id))) throw new Error(`${id} was changed by an earlier run in this sandbox; the run moves to a fresh one.`);
    };
    const results = await runExercise(request, { ...options, onImport });
    return retired ? undefined : results;
  };

  const handle = (message: FrameToWorker) => {
    if (message.type === "warm-up") {
      queue = queue.then(async () => {
        for (let index = 0; index < message.iterations && !learnerRunWaiting && !retired; index++) {
          if (await runChecked(message.request)) retireFor(watch.afterRun());
        }
      });
      return;
    }
    learnerRunWaiting = true;
    const { runId, request } = message;
    queue = queue.then(async () => {
      learnerRunWaiting = false;
      if (retired) return send({ type: "retired", runId });
      const progress = batchProgress(
        (tests) => send({ type: "collected", runId, tests }),
        (updates) => send({ type: "progress", runId, updates }),
      );
      const results = await runChecked(request, { onUpdate: progress.add, onCollected: progress.collected });
      progress.drop();
      // A run that met a changed module goes to a fresh Worker, as a run that arrives after retirement does.
      if (!results) return send({ type: "retired", runId });
      send({ type: "result", runId, results });
      // After the result, so checking the realm never delays a verdict; the frame hears of it before the next run.
      retireFor(watch.afterRun());
    });
  };

  port.onmessage = (event) => {
    const parsed = parseMessage(frameToWorkerSchema, event.data);
    if (parsed.ok) handle(parsed.message);
  };
  send({ type: "ready" });
}

/** How often a run's progress reaches the page: often enough to watch, rarely enough to cost a short run nothing. */
const progressIntervalMs = 100;

/**
 * Collects task updates and sends them in batches, at most every `progressIntervalMs`. Each message crosses two
 * hops and is checked at both; sent one by one they took the page's main thread (and, on a busy machine, the CPU)
 * away from the run. A run shorter than the interval sends none: its result says it all. The collected tests go
 * with the first batch, ahead of its updates, so the page can say "3 of 7 tests done".
 */
function batchProgress(flushCollected: (tests: CollectedTests) => void, flush: (updates: RunUpdate[]) => void) {
  let pending: RunUpdate[] = [];
  let collected: CollectedTests | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      if (collected) flushCollected(collected);
      collected = undefined;
      const updates = pending;
      pending = [];
      if (updates.length) flush(updates);
    }, progressIntervalMs);
  };
  return {
    collected(tests: CollectedTests) {
      collected = tests;
      schedule();
    },
    add(update: RunUpdate) {
      pending.push(update);
      schedule();
    },
    /** The run is over: its result replaces whatever progress was still waiting. */
    drop() {
      clearTimeout(timer);
      timer = undefined;
      pending = [];
      collected = undefined;
    },
  };
}
