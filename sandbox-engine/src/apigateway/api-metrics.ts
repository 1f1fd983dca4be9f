/**
 * CloudWatch-style metrics of an API (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html):
 * Count, Latency (ms, from the request to the answer on the virtual clock), 4XXError and 5XXError (counts),
 * CacheHitCount and CacheMissCount, for the whole API or one stage, with one datapoint per period.
 */
import type { RequestRecord } from "./apigateway-context.ts";

export interface ApiMetricValues {
  Count: number;
  "4XXError": number;
  "5XXError": number;
  CacheHitCount: number;
  CacheMissCount: number;
  Latency: { SampleCount: number; Sum: number; Average: number; Minimum: number; Maximum: number };
}

export interface ApiMetrics extends ApiMetricValues {
  datapoints: (ApiMetricValues & { timestamp: number })[];
}

function valuesOf(records: readonly RequestRecord[]): ApiMetricValues {
  const latencies = records.map((record) => record.latencyMs);
  const sum = latencies.reduce((total, value) => total + value, 0);
  return {
    Count: records.length,
    "4XXError": records.filter((record) => record.status >= 400 && record.status < 500).length,
    "5XXError": records.filter((record) => record.status >= 500).length,
    CacheHitCount: records.filter((record) => record.cache === "hit").length,
    CacheMissCount: records.filter((record) => record.cache === "miss" || record.cache === "refresh").length,
    Latency: {
      SampleCount: records.length,
      Sum: sum,
      Average: records.length === 0 ? 0 : sum / records.length,
      Minimum: records.length === 0 ? 0 : Math.min(...latencies),
      Maximum: records.length === 0 ? 0 : Math.max(...latencies),
    },
  };
}

export function apiMetrics(all: readonly RequestRecord[], apiId: string, stage: string | undefined, periodMs: number): ApiMetrics {
  const records = all.filter((record) => record.apiId === apiId && (stage === undefined || record.stage === stage));
  const periods = new Map<number, RequestRecord[]>();
  for (const record of records) {
    const start = Math.floor(record.time / periodMs) * periodMs;
    periods.set(start, [...(periods.get(start) ?? []), record]);
  }
  return { ...valuesOf(records), datapoints: [...periods].map(([timestamp, inPeriod]) => ({ timestamp, ...valuesOf(inPeriod) })) };
}
