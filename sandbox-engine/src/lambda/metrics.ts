/**
 * CloudWatch-style metrics of a function, computed from the invocation records
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html): Invocations
 * (throttled requests excluded), Errors (function errors and timeouts), Throttles, Duration
 * statistics, and ConcurrentExecutions (maximum), in total and per period.
 */
import type { InvocationRecord } from "./lambda-state.ts";

export interface DurationStatistics {
  SampleCount: number;
  Sum: number;
  Average: number;
  Minimum: number;
  Maximum: number;
}

export interface MetricDatapoint {
  /** Start of the period, epoch ms. */
  timestamp: number;
  Invocations: number;
  Errors: number;
  Throttles: number;
  DurationSum: number;
  DurationMaximum: number;
  ConcurrentExecutions: number;
}

export interface FunctionMetrics {
  functionName: string;
  Invocations: number;
  Errors: number;
  Throttles: number;
  Duration: DurationStatistics;
  /** Highest number of invocations of this function running at once. */
  ConcurrentExecutions: number;
  /** Time series, one point per period that had activity, oldest first. */
  datapoints: MetricDatapoint[];
}

export function functionMetrics(records: readonly InvocationRecord[], functionName: string, periodMs: number): FunctionMetrics {
  const out: FunctionMetrics = {
    functionName,
    Invocations: 0,
    Errors: 0,
    Throttles: 0,
    Duration: { SampleCount: 0, Sum: 0, Average: 0, Minimum: 0, Maximum: 0 },
    ConcurrentExecutions: 0,
    datapoints: [],
  };
  const points = new Map<number, MetricDatapoint>();
  for (const record of records) {
    if (record.functionName !== functionName) continue;
    const start = Math.floor(record.startedAt / periodMs) * periodMs;
    let point = points.get(start);
    if (point === undefined) {
      point = { timestamp: start, Invocations: 0, Errors: 0, Throttles: 0, DurationSum: 0, DurationMaximum: 0, ConcurrentExecutions: 0 };
      points.set(start, point);
      out.datapoints.push(point);
    }
    if (record.status === "throttled") {
      out.Throttles += 1;
      point.Throttles += 1;
      continue;
    }
    out.Invocations += 1;
    point.Invocations += 1;
    if (record.status !== "success") {
      out.Errors += 1;
      point.Errors += 1;
    }
    const d = out.Duration;
    d.Minimum = d.SampleCount === 0 ? record.durationMs : Math.min(d.Minimum, record.durationMs);
    d.Maximum = Math.max(d.Maximum, record.durationMs);
    d.SampleCount += 1;
    d.Sum += record.durationMs;
    point.DurationSum += record.durationMs;
    point.DurationMaximum = Math.max(point.DurationMaximum, record.durationMs);
    out.ConcurrentExecutions = Math.max(out.ConcurrentExecutions, record.concurrency);
    point.ConcurrentExecutions = Math.max(point.ConcurrentExecutions, record.concurrency);
  }
  out.Duration.Average = out.Duration.SampleCount === 0 ? 0 : out.Duration.Sum / out.Duration.SampleCount;
  out.datapoints.sort((a, b) => a.timestamp - b.timestamp);
  return out;
}
