/**
 * The one place the engine touches real (wall-clock) scheduling: a macrotask hop, used only to
 * let the JavaScript job queue drain. It never measures or waits for real time.
 *
 * The scheduler is captured when this module loads, so a test framework that later installs fake
 * timers (vi.useFakeTimers) cannot freeze the engine. Preference: setImmediate (Node, fast),
 * MessageChannel (browsers and workers, not clamped like setTimeout), then setTimeout.
 */
type Schedule = (callback: () => void) => void;

interface MaybeNodeGlobals {
  setImmediate?: (callback: () => void) => unknown;
}

function captureScheduler(): Schedule {
  const realSetImmediate = (globalThis as MaybeNodeGlobals).setImmediate;
  if (typeof realSetImmediate === "function") {
    return (callback) => {
      realSetImmediate.call(globalThis, callback);
    };
  }
  const RealMessageChannel = globalThis.MessageChannel;
  if (typeof RealMessageChannel === "function") {
    const channel = new RealMessageChannel();
    const queue: Array<() => void> = [];
    channel.port1.onmessage = () => {
      queue.shift()?.();
    };
    return (callback) => {
      queue.push(callback);
      channel.port2.postMessage(undefined);
    };
  }
  const realSetTimeout = globalThis.setTimeout;
  return (callback) => {
    realSetTimeout.call(globalThis, callback, 0);
  };
}

const schedule: Schedule = captureScheduler();
let hops = 0;

export const scheduleMacrotask: Schedule = (callback) => {
  hops += 1;
  schedule(callback);
};

/** How many real macrotask hops the engine has taken in this realm so far (`npm run bench` reports it per run). */
export function macrotaskHops(): number {
  return hops;
}

/** Resolves after every microtask queued before it has run (one real macrotask later). */
export function drainJobQueue(): Promise<void> {
  return new Promise((resolve) => scheduleMacrotask(resolve));
}
