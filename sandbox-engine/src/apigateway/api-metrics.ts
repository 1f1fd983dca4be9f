/**
 * CloudWatch-style metrics of an API (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html):
 * Count, Latency (ms, from the request to the answer on the virtual clock), 4XXError and 5XXError (counts),
 * CacheHitCount and CacheMissCount, for the whole API or one stage, with one datapoint per period. WebSocket APIs
 * have their own set (websocket/websocket-metrics.ts); both share the statistics and the periods below.
 */
import type { RequestRecord } from "./apigateway-context.ts";

/** CloudWatch's statistics of a timing metric, in milliseconds (all 0 with no samples). */
export interface TimingStatistics {
  SampleCount: number;
  Sum: number;
  Average: number;
  Minimum: number;
  Maximum: number;
}

export interface ApiMetricValues {
  Count: number;
  "4XXError": number;
  "5XXError": number;
  CacheHitCount: number;
  CacheMissCount: number;
  Latency: TimingStatistics;
}

export interface ApiMetrics extends ApiMetricValues {
  readonly protocol: "REST" | "HTTP";
  datapoints: (ApiMetricValues & { timestamp: number })[];
}

/** A record metrics are computed from: where and when it happened. */
export interface MetricRecord {
  readonly apiId: string;
  readonly stage: string;
  readonly time: number;
}

export function timingStatistics(samples: readonly number[]): TimingStatistics {
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    SampleCount: samples.length,
    Sum: sum,
    Average: samples.length === 0 ? 0 : sum / samples.length,
    Minimum: samples.length === 0 ? 0 : Math.min(...samples),
    Maximum: samples.length === 0 ? 0 : Math.max(...samples),
  };
}

/** The values over an API's records (one stage's, if given), and one datapoint per period that has records. */
export function metricsOf<R extends MetricRecord, V>(all: readonly R[], apiId: string, stage: string | undefined, periodMs: number, valuesOf: (records: readonly R[]) => V): V & { datapoints: (V & { timestamp: number })[] } {
  const records = all.filter((record) => record.apiId === apiId && (stage === undefined || record.stage === stage));
  const periods = new Map<number, R[]>();
  for (const record of records) {
    const start = Math.floor(record.time / periodMs) * periodMs;
    const inPeriod = periods.get(start);
    if (inPeriod) inPeriod.push(record);
    else periods.set(start, [record]);
  }
  return { ...valuesOf(records), datapoints: [...periods].map(([timestamp, inPeriod]) => ({ timestamp, ...valuesOf(inPeriod) })) };
}

function valuesOf(records: readonly RequestRecord[]): ApiMetricValues {
  return {
    Count: records.length,
    "4XXError": records.filter((record) => record.status >= 400 && record.status < 500).length,
    "5XXError": records.filter((record) => record.status >= 500).length,
    CacheHitCount: records.filter((record) => record.cache === "hit").length,
    CacheMissCount: records.filter((record) => record.cache === "miss" || record.cache === "refresh").length,
    Latency: timingStatistics(records.map((record) => record.latencyMs)),
  };
}

export function apiMetrics(all: readonly RequestRecord[], apiId: string, protocol: "REST" | "HTTP", stage: string | undefined, periodMs: number): ApiMetrics {
  return { protocol, ...metricsOf(all, apiId, stage, periodMs, valuesOf) };
}
