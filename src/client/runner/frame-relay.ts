// The script of the sandboxed iframe that hosts the runner Workers (see sandbox-frame.ts). Bundled on its own
// (src/lib/vite/runner-worker-plugin.ts) and inlined in the iframe's document. It runs no learner code, so it
// stays in charge: it owns each run's time limit, checks every message with the runner protocol, and replaces a
// Worker that misbehaves.
import {
  pageToFrameSchema,
  parseMessage,
  workerToFrameSchema,
  type FrameToPage,
  type FrameToWorker,
  type PageToFrame,
  type StopReason,
  type WorkerToFrame,
} from "sandbox-engine/runner/protocol";

/** A Worker and the port it reports on. */
interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
}

interface CurrentRun {
  readonly runId: number;
  readonly slot: Slot;
  readonly request: Extract<PageToFrame, { type: "run" }>["request"];
  readonly startedAt: number;
  readonly timer: number;
}

const warmUpIterations = 3;
/**
 * How long no run must come before the spare Worker starts. Its start-up (loading the SDK modules, the realm
 * snapshot, the warm-up runs) takes a second or more of CPU; started at once after a run, it shared a 2-core
 * machine with the runs that followed, and warm runs made back to back took twice as long until it was done.
 */
const spareIdleMs = 1000;
let workerUrl = "";
let warmUpRequest: Extract<PageToFrame, { type: "prepare" }>["request"] | undefined;
/** The Worker that runs the learner's code; reused while it behaves, so runs find a warm JIT. */
let active: Slot | undefined;
/**
 * A started, warmed-up Worker that replaces `active` when a run must be killed or its realm was changed. Started
 * once the runner has been idle for `spareIdleMs`; without one, a fresh Worker takes over.
 */
let spare: Slot | undefined;
let spareTimer: number | undefined;
let current: CurrentRun | undefined;

const toPage = (message: FrameToPage) => parent.postMessage(message, "*");
// The Worker checks what it receives with the same protocol.
const toWorker = (slot: Slot, message: FrameToWorker) => slot.port.postMessage(message);

function spawn(): Slot {
  const worker = new Worker(workerUrl);
  const channel = new MessageChannel();
  const slot: Slot = { worker, port: channel.port1 };
  // The report port goes first, on the Worker's own channel; the Worker then closes that channel to learner code.
  worker.postMessage({ type: "connect" }, [channel.port2]);
  slot.port.onmessage = (event) => fromWorker(slot, event.data);
  // Nothing legitimate ever arrives here: the runner reports over the port.
  worker.onmessage = () => misbehaved(slot, "invalid-message", "the run posted a message of its own on the sandbox's channel");
  worker.onerror = (error) => {
    error.preventDefault();
    const detail = error.message || "the sandbox stopped unexpectedly";
    misbehaved(slot, /memory|allocation failed/i.test(detail) ? "memory" : "crash", detail);
  };
  if (warmUpRequest) toWorker(slot, { type: "warm-up", request: warmUpRequest, iterations: warmUpIterations });
  return slot;
}

/** Ends a Worker for good and puts another in its place: the spare (already warm), if any, for the active one. */
function replace(slot: Slot): void {
  slot.worker.terminate();
  slot.port.close();
  if (slot === active) {
    active = spare ?? spawn();
    spare = undefined;
  } else if (slot === spare) {
    spare = undefined;
  }
  startSpareWhenIdle();
}

/** Starts the spare once no run has come for `spareIdleMs` (each run puts it off). */
function startSpareWhenIdle(): void {
  clearTimeout(spareTimer);
  spareTimer = setTimeout(() => {
    spareTimer = undefined;
    if (!current) spare ??= spawn();
  }, spareIdleMs) as unknown as number;
}

function stop(reason: StopReason, detail: string): void {
  if (!current) return;
  const { runId, slot, startedAt, timer } = current;
  clearTimeout(timer);
  current = undefined;
  replace(slot);
  toPage({ type: "stopped", runId, reason, detail, elapsedMs: performance.now() - startedAt });
}

function misbehaved(slot: Slot, reason: StopReason, detail: string): void {
  if (current?.slot === slot) stop(reason, detail);
  else if (slot === active || slot === spare) replace(slot);
}

function startRun(runId: number, request: CurrentRun["request"], timeLimitMs: number): void {
  active ??= spawn();
  clearTimeout(spareTimer);
  const slot = active;
  const timer = setTimeout(() => stop("time-limit", `the run did not finish within ${timeLimitMs} ms`), timeLimitMs) as unknown as number;
  current = { runId, slot, request, startedAt: performance.now(), timer };
  toWorker(slot, { type: "run", runId, request });
}

function fromWorker(slot: Slot, data: unknown): void {
  const parsed = parseMessage(workerToFrameSchema, data);
  if (!parsed.ok) return misbehaved(slot, "invalid-message", parsed.problem);
  const message: WorkerToFrame = parsed.message;
  if (message.type === "retire") {
    // Sent after a run's result: the next run must not see what that run changed.
    if (current?.slot !== slot) replace(slot);
    return;
  }
  if (!current || current.slot !== slot || ("runId" in message && message.runId !== current.runId)) return;
  if (message.type === "progress" || message.type === "collected") {
    toPage(message);
  } else if (message.type === "result") {
    clearTimeout(current.timer);
    current = undefined;
    toPage(message);
    startSpareWhenIdle();
  } else if (message.type === "retired") {
    // The run reached a Worker that had just retired: run it on a fresh one, within the same time limit.
    const { runId, request, startedAt, timer } = current;
    replace(slot);
    const fresh = active!;
    current = { runId, slot: fresh, request, startedAt, timer };
    toWorker(fresh, { type: "run", runId, request });
  }
}

function fromPage(message: PageToFrame): void {
  if (message.type === "init") {
    workerUrl = URL.createObjectURL(new Blob([message.workerSource], { type: "text/javascript" }));
    // The spare starts after the first run, not now: at page load the CPU belongs to the page and the editor.
    active = spawn();
  } else if (message.type === "prepare") {
    warmUpRequest = message.request;
    for (const slot of [active, spare]) if (slot) toWorker(slot, { type: "warm-up", request: message.request, iterations: warmUpIterations });
  } else if (message.type === "cancel") {
    if (current?.runId === message.runId) stop("crash", "cancelled");
  } else if (message.type === "run") {
    if (current) stop("crash", "superseded by a newer run");
    startRun(message.runId, message.request, message.timeLimitMs);
  }
}

addEventListener("message", (event: MessageEvent) => {
  if (event.source !== parent) return;
  const parsed = parseMessage(pageToFrameSchema, event.data);
  if (parsed.ok) fromPage(parsed.message);
});
toPage({ type: "frame-ready" });
