/**
 * Series over virtual time, derived from one test's trace (pure, no DOM): for each queue, its visible, in-flight
 * and delayed messages; for each function, its concurrent executions and its throttles and errors so far; for each
 * API (API Gateway), its requests and 4xx and 5xx answers so far. The
 * engine records every change of a message's state (send, receive, visibility expiry, delay end, delete, dead-letter
 * move, redrive, retention expiry, purge), so replaying them gives the counts the queue had.
 */
import { resourceName, type FlowTraceEvent } from "./flow-model.ts";

export interface Series {
  /** "queue orders", "function worker". */
  title: string;
  /** Seconds of virtual time since the test's first event. */
  seconds: number[];
  /** One named line per count, each the same length as `seconds`. */
  lines: { label: string; values: number[] }[];
}

type MessageState = "visible" | "in-flight" | "delayed";

export function runSeries(trace: readonly FlowTraceEvent[]): Series[] {
  const start = trace[0]?.time ?? 0;
  const queues = new Map<string, Map<string, MessageState>>();
  const queueSeries = new Map<string, Series>();
  const functionSeries = new Map<string, Series>();
  const queue = (arn: string) => {
    let messages = queues.get(arn);
    if (!messages) {
      messages = new Map();
      queues.set(arn, messages);
      queueSeries.set(arn, { title: `queue ${resourceName(arn)}`, seconds: [], lines: ["visible", "in flight", "delayed"].map((label) => ({ label, values: [] })) });
    }
    return messages;
  };
  const sample = (series: Series, at: number, values: number[]) => {
    const seconds = (at - start) / 1000;
    // One point per instant: the state after the last event of that millisecond.
    if (series.seconds.at(-1) === seconds) for (const line of series.lines) line.values.pop();
    else series.seconds.push(seconds);
    series.lines.forEach((line, index) => line.values.push(values[index]!));
  };
  const sampleQueue = (arn: string, at: number) => {
    const states = [...queue(arn).values()];
    sample(queueSeries.get(arn)!, at, (["visible", "in-flight", "delayed"] as const).map((state) => states.filter((s) => s === state).length));
  };

  for (const event of trace) {
    const details = event.details;
    const messageId = String(details.messageId ?? "");
    if (event.service === "sqs" && !event.kind.startsWith("esm-")) {
      const messages = queue(event.resource);
      switch (event.kind) {
        case "send":
          messages.set(messageId, Number(details.delaySeconds) > 0 ? "delayed" : "visible");
          break;
        case "receive":
          messages.set(messageId, "in-flight");
          break;
        case "visibility-expired":
        case "delay-ended":
          messages.set(messageId, "visible");
          break;
        case "change-visibility":
          if (Number(details.visibilityTimeout) === 0) messages.set(messageId, "visible");
          break;
        case "delete":
        case "retention-expired":
          messages.delete(messageId);
          break;
        case "dead-letter": {
          messages.delete(messageId);
          const target = String(details.deadLetterQueueArn);
          queue(target).set(messageId, "visible");
          sampleQueue(target, event.time);
          break;
        }
        case "move-task-moved": {
          messages.delete(messageId);
          const target = String(details.destinationArn);
          queue(target).set(messageId, "visible");
          sampleQueue(target, event.time);
          break;
        }
        case "purge":
        case "delete-queue":
          messages.clear();
          break;
      }
      sampleQueue(event.resource, event.time);
    }
  }
  for (const [arn, changes] of functionChanges(trace)) {
    const series: Series = { title: `function ${resourceName(arn)}`, seconds: [], lines: ["concurrent", "throttles", "errors"].map((label) => ({ label, values: [] })) };
    const counts = [0, 0, 0];
    for (const change of changes) {
      counts[change.line]! += change.delta;
      sample(series, change.at, counts);
    }
    functionSeries.set(arn, series);
  }
  return [...queueSeries.values(), ...functionSeries.values(), ...apiSeries(trace, sample)];
}

/**
 * Per API, its requests and its 4xx and 5xx answers so far, each counted when the answer is recorded (its
 * `response` event; the status classes are API Gateway's 4XXError and 5XXError metrics, as in the engine's
 * api-metrics.ts: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html).
 */
function apiSeries(trace: readonly FlowTraceEvent[], sample: (series: Series, at: number, values: number[]) => void): Series[] {
  const byApi = new Map<string, { series: Series; counts: number[] }>();
  for (const event of trace) {
    if (event.service !== "apigateway" || (event.kind !== "create-api" && event.kind !== "response")) continue;
    let api = byApi.get(event.resource);
    if (!api) {
      const name = event.kind === "create-api" ? String(event.details.name ?? event.resource) : event.resource;
      api = { series: { title: `API ${name}`, seconds: [], lines: ["requests", "4xx", "5xx"].map((label) => ({ label, values: [] })) }, counts: [0, 0, 0] };
      byApi.set(event.resource, api);
    }
    if (event.kind === "response") {
      const status = Number(event.details.status);
      api.counts[0]! += 1;
      if (status >= 400 && status < 500) api.counts[1]! += 1;
      if (status >= 500) api.counts[2]! += 1;
    }
    sample(api.series, event.time, api.counts);
  }
  return [...byApi.values()].map((api) => api.series);
}

/**
 * Per function, the changes of its three counts in time order: an invocation runs from its invoke for its
 * duration (the engine reports it on invoke-end; a handler's own work takes no virtual time), a throttle and an
 * error (an invoke-end that did not succeed) each add one.
 */
function functionChanges(trace: readonly FlowTraceEvent[]): Map<string, { at: number; line: number; delta: number }[]> {
  const byFunction = new Map<string, { at: number; line: number; delta: number }[]>();
  const startOf = new Map<number, number>();
  const changes = (arn: string) => byFunction.get(arn) ?? byFunction.set(arn, []).get(arn)!;
  for (const event of trace) {
    if (event.service !== "lambda") continue;
    if (event.kind === "create-function") changes(event.resource).push({ at: event.time, line: 0, delta: 0 });
    if (event.kind === "invoke") startOf.set(event.seq, event.time);
    if (event.kind === "throttle") changes(event.resource).push({ at: event.time, line: 1, delta: 1 });
    if (event.kind === "invoke-end") {
      const started = (event.cause === undefined ? undefined : startOf.get(event.cause)) ?? event.time;
      const ended = Math.max(event.time, started + Number(event.details.durationMs ?? 0));
      changes(event.resource).push({ at: started, line: 0, delta: 1 }, { at: ended, line: 0, delta: -1 });
      if (event.details.status !== "success") changes(event.resource).push({ at: ended, line: 2, delta: 1 });
    }
  }
  // Stable: at one instant, starts come before the ends that follow them in the trace.
  for (const list of byFunction.values()) list.sort((a, b) => a.at - b.at);
  return byFunction;
}
