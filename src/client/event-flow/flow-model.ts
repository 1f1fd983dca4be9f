/**
 * The event flow of one test, as data: lanes (one per resource), marks in order on a virtual-time axis, the
 * cause links between them, and what stands out. Pure: no DOM, so it is tested under Node and drawn by
 * flow-view.ts.
 *
 * It reads the engine's trace events (sandbox-engine/src/trace/trace-event.ts) through the few fields it needs,
 * so it works with details typed per kind and with the optional `cause` (the seq of the event that led to this
 * one) alike.
 */

/** What the flow needs of a trace event. */
export interface FlowTraceEvent {
  readonly time: number;
  readonly seq: number;
  readonly service: string;
  readonly kind: string;
  readonly resource: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly cause?: number;
}

/**
 * What makes an event stand out, in the learner's words. `undefined`: an ordinary event.
 * - retry: a message or event tried again (a receive after the first, a Lambda or SNS retry);
 * - expiry: a visibility timeout or retention period ran out;
 * - throttle: Lambda refused an invocation for lack of concurrency;
 * - dead-letter: moved to a dead-letter queue (or redriven out of one);
 * - failure: an invocation, delivery or batch that failed, or a call that was refused.
 */
export type Highlight = "retry" | "expiry" | "throttle" | "dead-letter" | "failure" | "fault";

export const highlightLabels: Record<Highlight, string> = {
  retry: "retry",
  expiry: "expired",
  throttle: "throttled",
  "dead-letter": "dead-letter queue",
  failure: "failure",
  fault: "injected fault",
};

export function highlightOf(event: FlowTraceEvent): Highlight | undefined {
  const details = event.details;
  switch (event.kind) {
    case "receive":
      return Number(details.receiveCount) > 1 ? "retry" : undefined;
    case "async-retry":
    case "delivery-retry-scheduled":
    case "retry": // the AWS SDK retrying a call (service "sdk")
      return "retry";
    case "deliver":
      return Number(details.attempt) > 1 ? "retry" : undefined;
    case "visibility-expired":
    case "retention-expired":
      return "expiry";
    case "throttle":
      return "throttle";
    case "dead-letter":
    case "move-task-moved":
      return "dead-letter";
    case "invoke-end":
      return details.status === "success" ? undefined : "failure";
    // createSandbox({ faults }): what the test switched on (a Lambda or SES fault, an SQS copy left behind).
    case "fault":
    case "duplicate":
      return "fault";
    case "esm-batch-result":
      // Lambda's LastProcessingResult: "OK", or "PROBLEM: ..." (a failed call or an invalid response).
      return String(details.result).startsWith("PROBLEM") ? "failure" : undefined;
    case "delivery-failed":
    case "async-discarded":
    case "discarded":
    case "invoke-denied":
    case "authorization-denied":
    case "destination-undeliverable":
      return "failure";
    default:
      return undefined;
  }
}

export interface Lane {
  /** The resource as the trace names it (an ARN, usually). */
  resource: string;
  /** "queue orders", "function worker", "topic events". */
  label: string;
  index: number;
}

export interface FlowEvent {
  event: FlowTraceEvent;
  lane: number;
  /** Milliseconds since the first event of the test. */
  at: number;
  highlight: Highlight | undefined;
  /** Index (in `events`) of the event that caused this one, when it is in the trace. */
  causeIndex: number | undefined;
}

export interface Flow {
  lanes: Lane[];
  events: FlowEvent[];
  /** Events the runner dropped beyond its cap (they are not drawn). */
  dropped: number;
}

const resourceKinds: Record<string, string> = { sqs: "queue", lambda: "function", sns: "topic", ses: "mailbox", apigateway: "API", sdk: "SDK client for" };

/** "arn:aws:sqs:us-east-1:123456789012:orders" reads as "orders". */
export function resourceName(resource: string): string {
  return resource.split(/[:/]/).pop() || resource;
}

function laneLabel(event: FlowTraceEvent): string {
  const kind = event.kind.startsWith("esm-") ? "mapping from queue" : (resourceKinds[event.service] ?? event.service);
  return `${kind} ${resourceName(event.resource)}`;
}

export function buildFlow(trace: readonly FlowTraceEvent[], dropped = 0): Flow {
  const lanes: Lane[] = [];
  const laneOf = new Map<string, number>();
  const indexOfSeq = new Map<number, number>();
  const start = trace[0]?.time ?? 0;
  const events = trace.map((event, index): FlowEvent => {
    const key = event.kind.startsWith("esm-") ? `esm:${event.resource}` : event.resource;
    let lane = laneOf.get(key);
    if (lane === undefined) {
      lane = lanes.length;
      laneOf.set(key, lane);
      lanes.push({ resource: event.resource, label: laneLabel(event), index: lane });
    }
    indexOfSeq.set(event.seq, index);
    return { event, lane, at: event.time - start, highlight: highlightOf(event), causeIndex: undefined };
  });
  for (const flowEvent of events) {
    const cause = flowEvent.event.cause;
    if (cause !== undefined) flowEvent.causeIndex = indexOfSeq.get(cause);
  }
  return { lanes, events, dropped };
}

/**
 * Where each event sits on the axis, in pixels: its virtual time times `pxPerMs`, but never closer than `minGap`
 * to the event before it, so events of the same millisecond stay apart and in order.
 */
export function layoutX(flow: Flow, pxPerMs: number, minGap: number): Float64Array {
  const xs = new Float64Array(flow.events.length);
  let previous = -Infinity;
  let shift = 0;
  for (const [index, flowEvent] of flow.events.entries()) {
    const x = Math.max(flowEvent.at * pxPerMs + shift, previous + minGap);
    shift = x - flowEvent.at * pxPerMs;
    xs[index] = previous = x;
  }
  return xs;
}

/** One drawn mark: a single event, or a run of similar neighbouring events of one lane merged into one. */
export interface Mark {
  lane: number;
  x: number;
  /** Indexes in `flow.events`, in order. */
  members: number[];
  kind: string;
  highlight: Highlight | undefined;
}

/**
 * Merges, lane by lane, runs of events of the same kind and highlight that would be drawn closer than `minDistance`
 * pixels apart: a trace of thousands of receives becomes a few marks that say how many they hold.
 */
export function aggregateMarks(flow: Flow, xs: Float64Array, minDistance: number): Mark[] {
  const marks: Mark[] = [];
  const open: (Mark | undefined)[] = [];
  for (const [index, flowEvent] of flow.events.entries()) {
    const x = xs[index]!;
    const last = open[flowEvent.lane];
    if (last && last.kind === flowEvent.event.kind && last.highlight === flowEvent.highlight && x - last.x < minDistance) {
      last.members.push(index);
      continue;
    }
    const mark: Mark = { lane: flowEvent.lane, x, members: [index], kind: flowEvent.event.kind, highlight: flowEvent.highlight };
    marks.push(mark);
    open[flowEvent.lane] = mark;
  }
  return marks;
}

/** One detail's value as text: a string as it is, a list (a batch's message ids) as `[a, b]`, anything else as JSON. */
export function formatDetailValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatDetailValue).join(", ")}]`;
  return JSON.stringify(value);
}

/** A one-line description of an event's details, for the table. */
export function describeDetails(event: FlowTraceEvent): string {
  return Object.entries(event.details)
    .map(([name, value]) => `${name}: ${formatDetailValue(value)}`)
    .join(", ");
}

/** "+30 s 12 ms" style offsets are hard to scan; the flow uses one unit per magnitude. */
export function formatOffset(ms: number): string {
  if (ms < 1000) return `+${ms} ms`;
  if (ms < 60_000) return `+${Number((ms / 1000).toFixed(3))} s`;
  return `+${Number((ms / 60_000).toFixed(2))} min`;
}
