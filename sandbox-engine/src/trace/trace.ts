/**
 * The record of everything that happened in a sandbox: services call record(), the UI, metrics,
 * bill and test messages read `events` or subscribe. Events are frozen once recorded.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type {
  TraceDetails,
  TraceEvent,
  TraceEventOf,
  TraceKindsByService,
  TraceListener,
  TraceService,
} from "./trace-event.ts";

export interface Trace {
  /** Every event so far, in the order recorded (which is virtual-time order). */
  readonly events: readonly TraceEvent[];
  /** Calls `listener` for each event recorded from now on; returns an unsubscribe function. */
  subscribe(listener: TraceListener): () => void;
  /** Records an event at the clock's current time. Used by the services. */
  record<S extends TraceService>(
    service: S,
    kind: TraceKindsByService[S],
    resource: string,
    details?: TraceDetails,
  ): TraceEventOf<S>;
}

const noDetails: TraceDetails = Object.freeze({});

export function createTrace(clock: Pick<Clock, "now">): Trace {
  const events: TraceEvent[] = [];
  const listeners = new Set<TraceListener>();
  return {
    get events(): readonly TraceEvent[] {
      return events;
    },
    subscribe(listener) {
      if (typeof listener !== "function") throw new TypeError("trace.subscribe needs a function");
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry: TraceListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    record(service, kind, resource, details = noDetails) {
      // Services pass a fresh details object, so it is frozen in place rather than copied: the trace is on the
      // engine's hot path (three events per send/receive/delete), and copies are what its garbage is made of.
      const event = Object.freeze({
        time: clock.now(),
        seq: events.length,
        service,
        kind,
        resource,
        details: Object.freeze(details),
      }) as TraceEventOf<typeof service>;
      events.push(event as TraceEvent);
      // Nobody listening (the common case, and the engine's hot path): nothing more than the push.
      if (listeners.size === 0) return event;
      for (const listener of [...listeners]) {
        try {
          listener(event as TraceEvent);
        } catch (error) {
          // A broken listener must not abort the service operation that is recording; surface
          // the error outside it instead (the way EventTarget reports listener errors).
          queueMicrotask(() => {
            throw error;
          });
        }
      }
      return event;
    },
  };
}
