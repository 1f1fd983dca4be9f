/**
 * The record of everything that happened in a sandbox: services call record(), the UI, metrics,
 * bill and test messages read `events` or subscribe. Events are frozen once recorded.
 *
 * Storage: the engine's hot path (three events per SQS send/receive/delete) records through
 * recordCompact(), which appends the event's fields to flat columns instead of allocating two
 * frozen objects that would live as long as the sandbox (they were a third of the engine's time,
 * in garbage collection). The columns are turned into the frozen event objects, once and in order,
 * the first time anything needs an object: reading `events`, a subscriber that asked for that
 * kind, or a record(). So every reader sees exactly the events, fields and objects an eager trace
 * would have made (the same objects on every read, the same object a subscriber was given). One
 * difference: `events` is still the same array every time, but a compact event appears in it when
 * `events` is next read, not at once, so read `events` again rather than keeping the array.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type {
  TraceDetails,
  TraceDetailsOf,
  TraceEvent,
  TraceEventOfKind,
  TraceKindsByService,
  TraceListener,
  TraceService,
} from "./trace-event.ts";

/**
 * A kind of event recorded with recordCompact: its service and kind, and how its details are made
 * from the arguments (two strings, two numbers). Services declare one per event kind as a module
 * constant; `details` must return a fresh object each time.
 */
export interface CompactType {
  readonly service: TraceService;
  readonly kind: string;
  readonly details: (s0: string, s1: string, n0: number, n1: number) => TraceDetails;
  /** Cache of "does a subscriber want this kind", valid while `watchToken` is the trace's token. */
  watchToken: number;
  watched: boolean;
}

export function compactType<S extends TraceService, K extends TraceKindsByService[S]>(
  service: S,
  kind: K,
  details: (s0: string, s1: string, n0: number, n1: number) => TraceDetailsOf<S, K>,
): CompactType {
  return { service, kind, details: details as CompactType["details"], watchToken: 0, watched: false };
}

export interface Trace {
  /** Every event so far, in the order recorded (which is virtual-time order). */
  readonly events: readonly TraceEvent[];
  /**
   * Calls `listener` for each event recorded from now on (only those `interest` names, if given);
   * returns an unsubscribe function. Naming the kinds a listener needs keeps the others cheap.
   */
  subscribe(listener: TraceListener, interest?: TraceInterest): () => void;
  /** Records an event at the clock's current time. Used by the services. */
  record<S extends TraceService, K extends TraceKindsByService[S]>(
    service: S,
    kind: K,
    resource: string,
    details: TraceDetailsOf<S, K>,
    cause?: number,
  ): TraceEventOfKind<S, K>;
  /**
   * Engine-internal, for hot paths: records the same event as `record(type.service, type.kind,
   * resource, type.details(s0, s1, n0, n1))`, without building it until it is read (or a
   * subscriber wants it). Arguments the type does not use are ignored. `cause` is the seq of the event
   * that led to this one (-1: none). Returns the new event's seq.
   */
  recordCompact(type: CompactType, resource: string, s0: string, s1: string, n0: number, n1: number, cause?: number): number;
}

/** The events a subscriber wants: of these services, and (if given) of these kinds only. */
export interface TraceInterest {
  readonly service: TraceService;
  readonly kinds?: readonly string[] | ReadonlySet<string>;
}

interface Subscription {
  readonly listener: TraceListener;
  readonly service: TraceService | undefined;
  /** undefined: every kind of `service` (or every event when service is undefined too). */
  readonly kinds: ReadonlySet<string> | undefined;
}

function wants(subscription: Subscription, service: string, kind: string): boolean {
  if (subscription.service === undefined) return true;
  return subscription.service === service && (subscription.kinds === undefined || subscription.kinds.has(kind));
}

/** Changes on every subscribe/unsubscribe of any trace: a trace's current token names its set of subscriptions. */
let lastWatchToken = 0;

/** Compact events are stored in chunks of this many (so storage never copies as it grows). */
const CHUNK = 8192;
/** References per compact event: type, resource, s0, s1. */
const REFS = 4;
/** Numbers per compact event: time, n0, n1, cause (-1: none). */
const NUMS = 4;

export function createTrace(clock: Pick<Clock, "now">): Trace {
  const events: TraceEvent[] = [];
  const listeners = new Set<Subscription>();
  // Subscriptions without an interest: every event must be built when recorded.
  let listenAll = 0;
  let watchToken = ++lastWatchToken;
  let snapshot: Subscription[] | undefined;
  // Compact events not yet turned into objects; they follow every event in `events`.
  const refChunks: unknown[][] = [];
  const numChunks: Float64Array<ArrayBuffer>[] = [];
  let pending = 0;
  let refs: unknown[] = [];
  let nums = new Float64Array(0);
  /** Position of the next compact event in the current chunk; CHUNK means "needs a new chunk". */
  let slot = CHUNK;

  function build(
    time: number,
    seq: number,
    service: TraceService,
    kind: string,
    resource: string,
    details: TraceDetails,
    cause: number,
  ): TraceEvent {
    // Services pass a fresh details object, so it is frozen in place rather than copied. `cause` is
    // left out when there is none, so events without one look as they always did.
    Object.freeze(details);
    return Object.freeze(
      cause < 0 ? { time, seq, service, kind, resource, details } : { time, seq, service, kind, resource, details, cause },
    ) as TraceEvent;
  }

  /** Turns every pending compact event into its frozen object, in order. */
  function flush(): void {
    if (pending === 0) return;
    for (let i = 0; i < pending; i++) {
      const r = refChunks[Math.floor(i / CHUNK)]!;
      const n = numChunks[Math.floor(i / CHUNK)]!;
      const ri = (i % CHUNK) * REFS;
      const ni = (i % CHUNK) * NUMS;
      const type = r[ri] as CompactType;
      const details = type.details(r[ri + 2] as string, r[ri + 3] as string, n[ni + 1]!, n[ni + 2]!);
      events.push(build(n[ni]!, events.length, type.service, type.kind, r[ri + 1] as string, details, n[ni + 3]!));
    }
    pending = 0;
    // Keep the first chunk for the next compact events: services alternate record() and recordCompact(),
    // and allocating a fresh chunk after every flush would cost far more than it saves.
    refChunks.length = Math.min(refChunks.length, 1);
    numChunks.length = Math.min(numChunks.length, 1);
    if (refChunks.length === 1) {
      refs = refChunks[0]!;
      nums = numChunks[0]!;
      slot = 0;
    } else {
      slot = CHUNK;
    }
  }

  /** Whether some subscriber wants this event now (so it cannot stay compact). */
  function watched(service: string, kind: string): boolean {
    if (listenAll !== 0) return true;
    if (listeners.size === 0) return false;
    for (const subscription of listeners) if (wants(subscription, service, kind)) return true;
    return false;
  }

  function notify(event: TraceEvent): void {
    // The subscriptions as they were when the event was recorded (changes made by a listener apply
    // from the next event): a snapshot array, rebuilt only when subscriptions change.
    snapshot ??= [...listeners];
    for (const subscription of snapshot) {
      if (!wants(subscription, event.service, event.kind)) continue;
      try {
        subscription.listener(event);
      } catch (error) {
        // A broken listener must not abort the service operation that is recording; surface
        // the error outside it instead (the way EventTarget reports listener errors).
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function record<S extends TraceService, K extends TraceKindsByService[S]>(
    service: S,
    kind: K,
    resource: string,
    details: TraceDetailsOf<S, K>,
    cause = -1,
  ): TraceEventOfKind<S, K> {
    flush();
    const event = build(clock.now(), events.length, service, kind, resource, details as TraceDetails, cause);
    events.push(event);
    if (listeners.size !== 0) notify(event);
    return event as TraceEventOfKind<S, K>;
  }

  return {
    get events(): readonly TraceEvent[] {
      flush();
      return events;
    },
    subscribe(listener, interest) {
      if (typeof listener !== "function") throw new TypeError("trace.subscribe needs a function");
      if (interest !== undefined && (typeof interest !== "object" || interest === null || typeof interest.service !== "string")) {
        throw new TypeError('trace.subscribe: interest must be like { service: "sqs", kinds: ["send"] }');
      }
      // A fresh entry per call, so the same function subscribed twice gets two independent subscriptions.
      const entry: Subscription = {
        listener,
        service: interest?.service,
        kinds: interest?.kinds === undefined ? undefined : new Set(interest.kinds),
      };
      listeners.add(entry);
      if (entry.service === undefined) listenAll += 1;
      watchToken = ++lastWatchToken;
      snapshot = undefined;
      return () => {
        if (!listeners.delete(entry)) return;
        if (entry.service === undefined) listenAll -= 1;
        watchToken = ++lastWatchToken;
        snapshot = undefined;
      };
    },
    record,
    recordCompact(type, resource, s0, s1, n0, n1, cause = -1) {
      if (type.watchToken !== watchToken) {
        type.watched = watched(type.service, type.kind);
        type.watchToken = watchToken;
      }
      if (type.watched) {
        // Someone is listening: the event object is needed now.
        return record(type.service, type.kind as never, resource, type.details(s0, s1, n0, n1) as never, cause).seq;
      }
      if (slot === CHUNK) {
        refs = new Array<unknown>(CHUNK * REFS);
        nums = new Float64Array(CHUNK * NUMS);
        refChunks.push(refs);
        numChunks.push(nums);
        slot = 0;
      }
      const ri = slot * REFS;
      const ni = slot * NUMS;
      refs[ri] = type;
      refs[ri + 1] = resource;
      refs[ri + 2] = s0;
      refs[ri + 3] = s1;
      nums[ni] = clock.now();
      nums[ni + 1] = n0;
      nums[ni + 2] = n1;
      nums[ni + 3] = cause;
      slot += 1;
      pending += 1;
      return events.length + pending - 1;
    },
  };
}
