/**
 * `sqs.onActivity(queueArn, callback)`: a typed wake-up for engine code that waits for messages (a
 * Lambda event source mapping's poller), so nothing has to listen to the trace for it. SQS calls
 * back after anything that may make messages receivable on a queue: a send, a visibility timeout or
 * delay ending, a visibility change, a delete that unblocks a FIFO group, a duplicate, a dead-letter
 * move or a move-task arrival (on the queue the message arrived at).
 *
 * It is derived from what SQS records, in one place, by wrapping the trace SQS writes to: the
 * operations stay as they are. The wrapper is in place only while a callback is registered
 * (`useTrace` switches SQS between it and the plain trace), so the hot path pays nothing otherwise.
 */
import type { Trace } from "../trace/trace.ts";

export type ActivityCallback = (queueArn: string) => void;

/** SQS event kinds after which messages may be receivable on the queue they name. */
const WAKING_KINDS: ReadonlySet<string> = new Set(["send", "visibility-expired", "delay-ended", "change-visibility", "duplicate", "delete", "dead-letter", "move-task-moved"]);

export interface SqsActivity {
  /** The trace SQS records to. */
  readonly trace: Trace;
  onActivity(queueArn: string, callback: ActivityCallback): () => void;
}

/** `useTrace` is told which trace SQS should record to: the wrapper while callbacks exist, else the plain one. */
export function createSqsActivity(trace: Trace, useTrace: (trace: Trace) => void): SqsActivity {
  const callbacks = new Map<string, Set<ActivityCallback>>();
  const notify = (queueArn: string): void => {
    const set = callbacks.get(queueArn);
    if (set === undefined) return;
    for (const callback of [...set]) callback(queueArn);
  };
  const activity = (kind: string, resource: string, details: Readonly<Record<string, unknown>> | undefined): void => {
    if (!WAKING_KINDS.has(kind)) return;
    notify(resource);
    // A dead-letter move or a move task names the queue the message went to in its details.
    if (details !== undefined) {
      for (const value of Object.values(details)) if (typeof value === "string" && value !== resource && callbacks.has(value)) notify(value);
    }
  };
  const wrapped: Trace = {
    get events() {
      return trace.events;
    },
    subscribe: (listener, interest) => trace.subscribe(listener, interest),
    record(service, kind, resource, details, cause) {
      const event = trace.record(service, kind, resource, details, cause);
      if (callbacks.size !== 0) activity(kind, resource, details as Readonly<Record<string, unknown>>);
      return event;
    },
    recordCompact(type, resource, s0, s1, n0, n1, cause) {
      const seq = trace.recordCompact(type, resource, s0, s1, n0, n1, cause);
      if (callbacks.size !== 0) activity(type.kind, resource, undefined);
      return seq;
    },
  };
  return {
    trace: wrapped,
    onActivity(queueArn, callback) {
      let set = callbacks.get(queueArn);
      if (set === undefined) callbacks.set(queueArn, (set = new Set()));
      set.add(callback);
      if (callbacks.size === 1) useTrace(wrapped);
      return () => {
        set.delete(callback);
        if (set.size === 0 && callbacks.get(queueArn) === set) callbacks.delete(queueArn);
        if (callbacks.size === 0) useTrace(trace);
      };
    },
  };
}
