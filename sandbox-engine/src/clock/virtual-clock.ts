/**
 * Virtual time for a sandbox, modelled on @sinonjs/fake-timers' clock but without patching any
 * global: the engine is handed this clock and never reads Date.now().
 *
 * Invariants:
 * - Timers fire in (due time, creation order) order; ties always resolve the same way.
 * - While a timer fires, now() equals its due time. advance(ms) ends with now() = start + ms.
 * - After each timer fires, the JavaScript job queue is drained (one real macrotask hop), so the
 *   async work a timer starts (a delivery, a retry, a poll) settles before the next timer fires.
 *   Work that itself waits on virtual time keeps going as the clock moves on (awaiting it would
 *   deadlock).
 *
 * The no-deadlock rule (auto-advance): learner code may await something that waits on virtual
 * time (sleep, a long poll) while nobody calls advance(). Such a wait is a "waiter". When waiters
 * are pending, no advance()/runAll() is running, and the job queue has drained (a real macrotask
 * ran), the clock advances by itself to the next due timer, and repeats while waiters remain.
 * Plain timers (a visibility timeout, a delay) are not waiters and never move the clock alone.
 * Each step ends with the job queue drained (the hop after its last timer), so the next step starts
 * right away: one real macrotask per timer fired, not two (a 20 s long-poll loop over 45 virtual
 * minutes took 604 hops, and each hop is a real task a busy browser may be slow to run).
 */
import { drainJobQueue, scheduleMacrotask } from "./real-macrotask.ts";
import { TimerHeap, type HeapTimer } from "./timer-heap.ts";

export type TimerId = number;
export type TimerCallback = () => unknown;

/** How a wait ended: its time came ("due"), or the engine ended it early ("woken"). */
export type WaitOutcome = "due" | "woken";

/** A wait on virtual time that counts as a waiter for the auto-advance rule. */
export interface Waiter {
  /** Settles when the wait ends; rejects if auto-advance hit the loop limit. */
  readonly done: Promise<WaitOutcome>;
  /** Ends the wait now (for example: a message arrived for a long poll). No-op once ended. */
  wake(): void;
}

export interface ClockOptions {
  /** Most timers one advance()/runAll() (or one run of auto-advance) may fire. Default 10,000. */
  loopLimit?: number;
  /**
   * The no-deadlock rule (default true). False for a clock that something else moves, e.g. in step with real
   * time (`npm run endpoint`): a long poll then waits until that driver gets there.
   */
  autoAdvance?: boolean;
}

export interface Clock {
  /** Current virtual time, epoch milliseconds. */
  now(): number;
  /** Schedules `callback` at now() + delayMs. A returned promise is given time to settle. */
  setTimer(callback: TimerCallback, delayMs: number): TimerId;
  /** Cancels a timer. Unknown or already fired ids are ignored. */
  clearTimer(id: TimerId): void;
  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): Promise<void>;
  /** Fires timers until none are left (including ones scheduled meanwhile). */
  runAll(): Promise<void>;
  /** Resolves once `ms` of virtual time has passed. A waiter: see the auto-advance rule. */
  sleep(ms: number): Promise<void>;
  /** Engine-internal wait until the virtual time `epochMs`, which can be woken early. A waiter. */
  waitUntil(epochMs: number): Waiter;
  /** Number of timers scheduled and not yet fired or cleared. */
  pendingTimers(): number;
  /** Number of pending waiters (sleeps, long polls). */
  pendingWaiters(): number;
  /** Due time of the next timer, if any. */
  nextTimerAt(): number | undefined;
}

export const DEFAULT_LOOP_LIMIT = 10_000;

interface Timer extends HeapTimer {
  readonly callback: TimerCallback;
}

interface WaiterSettle {
  resolve(outcome: WaitOutcome): void;
  reject(error: unknown): void;
}

type Mode = "idle" | "explicit" | "auto";

class LoopLimitError extends Error {
  constructor(limit: number) {
    super(
      `ran ${limit} timers without reaching the end: ` +
        "assuming an endless loop of timers (a timer that keeps scheduling another?)",
    );
    this.name = "LoopLimitError";
  }
}

function assertDuration(what: string, ms: unknown): asserts ms is number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(
      `${what} needs a duration in milliseconds that is a finite number >= 0, got ${String(ms)}`,
    );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** Surfaces an error that has no caller to go to (like a browser's reportError). */
function reportLater(error: unknown): void {
  scheduleMacrotask(() => {
    throw error;
  });
}

class VirtualClock implements Clock {
  #now: number;
  readonly #loopLimit: number;
  readonly #heap = new TimerHeap<Timer>();
  /** Live timers; the heap may still hold cleared ones, skipped lazily. */
  readonly #live = new Map<TimerId, Timer>();
  readonly #waiters = new Map<TimerId, WaiterSettle>();
  #nextId = 1;
  #nextSeq = 0;
  #mode: Mode = "idle";
  #autoStep: Promise<void> | undefined;
  #idleCheckQueued = false;
  /** Timers fired by auto-advance since the last explicit advance()/runAll(). */
  #autoFired = 0;
  #autoDisabled = false;
  /** explicit advance()/runAll() calls waiting for auto-advance to stop: it stops after its current step. */
  #explicitWaiting = 0;
  readonly #autoAdvance: boolean;

  constructor(startEpochMs: number, loopLimit: number, autoAdvance: boolean) {
    this.#now = startEpochMs;
    this.#loopLimit = loopLimit;
    this.#autoAdvance = autoAdvance;
  }

  now(): number {
    return this.#now;
  }

  setTimer(callback: TimerCallback, delayMs: number): TimerId {
    if (typeof callback !== "function") throw new Error("setTimer needs a callback function");
    assertDuration("setTimer", delayMs);
    const timer: Timer = { id: this.#nextId++, due: this.#now + delayMs, seq: this.#nextSeq++, callback };
    this.#live.set(timer.id, timer);
    this.#heap.push(timer);
    return timer.id;
  }

  clearTimer(id: TimerId): void {
    this.#live.delete(id);
  }

  async advance(ms: number): Promise<void> {
    assertDuration("clock.advance", ms);
    await this.#enterExplicit("advance");
    try {
      // Let work that was started just before advance() (a send() not awaited yet) schedule
      // its timers first, so they are part of this advance.
      await drainJobQueue();
      const target = this.#now + ms;
      await this.#runUntil(target, this.#loopLimit);
      this.#now = Math.max(this.#now, target);
    } finally {
      this.#leave();
    }
  }

  async runAll(): Promise<void> {
    await this.#enterExplicit("runAll");
    try {
      await drainJobQueue();
      await this.#runUntil(Number.POSITIVE_INFINITY, this.#loopLimit);
    } finally {
      this.#leave();
    }
  }

  sleep(ms: number): Promise<void> {
    try {
      assertDuration("clock.sleep", ms);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.waitUntil(this.#now + ms).done.then(() => undefined);
  }

  waitUntil(epochMs: number): Waiter {
    if (typeof epochMs !== "number" || !Number.isFinite(epochMs)) {
      throw new RangeError(`waitUntil needs a finite epoch time in milliseconds, got ${String(epochMs)}`);
    }
    let settle: WaiterSettle | undefined;
    const done = new Promise<WaitOutcome>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const finish = (outcome: WaitOutcome): void => {
      const waiter = this.#waiters.get(id);
      if (waiter === undefined) return;
      this.#waiters.delete(id);
      this.clearTimer(id);
      waiter.resolve(outcome);
    };
    const id = this.setTimer(() => finish("due"), Math.max(0, epochMs - this.#now));
    this.#waiters.set(id, settle!);
    this.#scheduleIdleCheck();
    return { done, wake: () => finish("woken") };
  }

  pendingTimers(): number {
    return this.#live.size;
  }

  pendingWaiters(): number {
    return this.#waiters.size;
  }

  nextTimerAt(): number | undefined {
    return this.#peekLive()?.due;
  }

  // An explicit advance waits for an auto-advance step to finish (it is short), but two explicit
  // ones at once are a mistake (usually a missing await), and waiting would deadlock when a timer
  // callback itself calls advance().
  async #enterExplicit(what: string): Promise<void> {
    while (this.#mode === "auto") {
      this.#explicitWaiting += 1;
      try {
        await this.#autoStep;
      } finally {
        this.#explicitWaiting -= 1;
      }
    }
    if (this.#mode === "explicit") {
      throw new Error(
        `clock.${what}() was called while another advance() or runAll() is still running: ` +
          "await the first one before moving time again",
      );
    }
    this.#mode = "explicit";
    this.#autoFired = 0;
    this.#autoDisabled = false;
  }

  #leave(): void {
    this.#mode = "idle";
    this.#scheduleIdleCheck();
  }

  #peekLive(): Timer | undefined {
    for (;;) {
      const top = this.#heap.peek();
      if (top === undefined || this.#live.has(top.id)) return top;
      this.#heap.pop();
    }
  }

  /** Fires due timers up to `target`; returns how many fired. Throws past `limit` timers. */
  async #runUntil(target: number, limit: number): Promise<number> {
    let fired = 0;
    let firstError: { error: unknown } | undefined;
    for (;;) {
      const timer = this.#peekLive();
      if (timer === undefined || timer.due > target) break;
      if (fired >= limit) throw new LoopLimitError(this.#loopLimit);
      fired += 1;
      this.#heap.pop();
      this.#live.delete(timer.id);
      this.#now = Math.max(this.#now, timer.due);
      // Errors of async work that outlives this step have no caller left: report them.
      let stepOpen = true;
      const fail = (error: unknown): void => {
        if (!stepOpen) reportLater(error);
        else firstError ??= { error };
      };
      try {
        const result = timer.callback();
        if (isThenable(result)) result.then(undefined, fail);
      } catch (error) {
        fail(error);
      }
      await drainJobQueue();
      stepOpen = false;
    }
    if (firstError !== undefined) throw firstError.error;
    return fired;
  }

  #scheduleIdleCheck(): void {
    if (!this.#autoAdvance || this.#idleCheckQueued || this.#autoDisabled || this.#waiters.size === 0) return;
    // Auto-advance under way sees the new waiter itself, after its step or when it ends.
    if (this.#mode === "auto") return;
    this.#idleCheckQueued = true;
    scheduleMacrotask(() => {
      this.#idleCheckQueued = false;
      this.#startAutoStep();
    });
  }

  #startAutoStep(): void {
    if (this.#mode !== "idle" || this.#autoDisabled || this.#waiters.size === 0) return;
    if (this.#peekLive() === undefined) return;
    this.#mode = "auto";
    this.#autoStep = this.#runAutoSteps().finally(() => {
      this.#mode = "idle";
      this.#autoStep = undefined;
      this.#scheduleIdleCheck();
    });
  }

  /**
   * Steps to the next due timer while waiters remain. A step's last hop drained the job queue, which is all the
   * idle check waits for, so the next step needs no hop of its own. Stops when no waiter is left, and for an
   * explicit advance()/runAll() waiting its turn.
   */
  async #runAutoSteps(): Promise<void> {
    for (let next = this.#peekLive(); next !== undefined; next = this.#peekLive()) {
      if (!(await this.#runAutoStep(next.due))) return;
      if (this.#waiters.size === 0 || this.#autoDisabled || this.#explicitWaiting > 0) return;
    }
  }

  /** One auto-advance step; false when it failed (and reported or rejected the waiters). */
  async #runAutoStep(target: number): Promise<boolean> {
    try {
      this.#autoFired += await this.#runUntil(target, this.#loopLimit - this.#autoFired);
      this.#now = Math.max(this.#now, target);
      return true;
    } catch (error) {
      if (!(error instanceof LoopLimitError)) {
        reportLater(error);
        return false;
      }
      // Endless waiting (a poll loop that never ends): fail every waiter with the reason instead
      // of spinning forever, and stop auto-advancing until time is moved explicitly again.
      this.#autoDisabled = true;
      for (const [id, waiter] of [...this.#waiters]) {
        this.#waiters.delete(id);
        this.clearTimer(id);
        waiter.reject(error);
      }
      return false;
    }
  }
}

/** Creates a virtual clock starting at `startEpochMs`. Nothing in it reads the real time. */
export function createClock(startEpochMs: number, options: ClockOptions = {}): Clock {
  if (typeof startEpochMs !== "number" || !Number.isFinite(startEpochMs)) {
    throw new RangeError(`createClock needs a finite start time in epoch milliseconds, got ${String(startEpochMs)}`);
  }
  const loopLimit = options.loopLimit ?? DEFAULT_LOOP_LIMIT;
  if (!Number.isInteger(loopLimit) || loopLimit < 1) {
    throw new RangeError(`loopLimit must be a positive integer, got ${String(loopLimit)}`);
  }
  return new VirtualClock(startEpochMs, loopLimit, options.autoAdvance ?? true);
}
