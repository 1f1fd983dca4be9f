/**
 * API Gateway's part of the bill at AWS list prices, us-east-1, first tier, no free tier
 * (https://aws.amazon.com/api-gateway/pricing/): REST APIs $3.50 per million requests (first 333 million), HTTP APIs
 * $1.00 per million (first 300 million); WebSocket APIs $1.00 per million messages (first billion), sent and
 * received, metered in 32 KB increments, and $0.25 per million connection minutes (websocket/websocket-meter.ts);
 * REST stage caches by the hour by size, from $0.020 an hour for 0.5 GB (cache-cluster.ts; decision: the hours a
 * cache ran on the virtual clock, not rounded to whole hours, so a short run shows what its minutes cost). Not
 * billed here: HTTP API metering in 512 KB steps (every request counts once) and data transfer.
 */
import type { CacheClusterPeriod, RequestRecord, WebSocketUsage } from "./apigateway-context.ts";
import type { CacheClusterSize } from "./apigateway-limits.ts";

export const REST_PRICE_PER_MILLION_USD = 3.5;
export const HTTP_PRICE_PER_MILLION_USD = 1.0;
export const WEBSOCKET_MESSAGES_PRICE_PER_MILLION_USD = 1.0;
export const CONNECTION_MINUTES_PRICE_PER_MILLION_USD = 0.25;
/** Cache memory by size in GB, USD per hour. */
export const CACHE_PRICE_PER_HOUR_USD: Readonly<Record<CacheClusterSize, number>> = {
  "0.5": 0.02,
  "1.6": 0.038,
  "6.1": 0.2,
  "13.5": 0.25,
  "28.4": 0.5,
  "58.2": 1.0,
  "118": 1.9,
  "237": 3.8,
};

/** REST and HTTP API requests of one API. */
export interface ApiGatewayBillLine {
  apiId: string;
  protocol: "REST" | "HTTP";
  requests: number;
  totalUsd: number;
}

/** A WebSocket API's messages (in 32 KB units) and connection minutes. */
export interface WebSocketBillLine {
  apiId: string;
  messages: number;
  messagesUsd: number;
  connectionMinutes: number;
  connectionMinutesUsd: number;
}

/** The hours a REST stage's cache ran at one size. */
export interface CacheBillLine {
  apiId: string;
  stage: string;
  sizeGb: CacheClusterSize;
  hours: number;
  totalUsd: number;
}

export interface ApiGatewayBill {
  currency: "USD";
  prices: {
    restPerMillionUsd: number;
    httpPerMillionUsd: number;
    webSocketMessagesPerMillionUsd: number;
    connectionMinutesPerMillionUsd: number;
    cachePerHourUsd: Readonly<Record<CacheClusterSize, number>>;
    source: string;
  };
  /** REST and HTTP API requests, per API. */
  lines: ApiGatewayBillLine[];
  webSocket: WebSocketBillLine[];
  cache: CacheBillLine[];
  /** REST and HTTP API requests in all. */
  requests: number;
  totalUsd: number;
}

/** What the bill counts: answered requests, WebSocket usage (open connections so far too), cache periods. */
export interface ApiGatewayUsage {
  readonly requests: readonly RequestRecord[];
  readonly webSocket: ReadonlyMap<string, WebSocketUsage>;
  readonly cacheClusters: readonly CacheClusterPeriod[];
  readonly now: number;
}

function requestLines(records: readonly RequestRecord[]): ApiGatewayBillLine[] {
  const lines = new Map<string, ApiGatewayBillLine>();
  for (const record of records) {
    if (!record.billed) continue;
    const line = lines.get(record.apiId) ?? { apiId: record.apiId, protocol: record.protocol, requests: 0, totalUsd: 0 };
    line.requests += 1;
    line.totalUsd = (line.requests / 1_000_000) * (line.protocol === "REST" ? REST_PRICE_PER_MILLION_USD : HTTP_PRICE_PER_MILLION_USD);
    lines.set(record.apiId, line);
  }
  return [...lines.values()];
}

function webSocketLines(usage: ReadonlyMap<string, WebSocketUsage>): WebSocketBillLine[] {
  return [...usage].map(([apiId, { messages, connectionMinutes }]) => ({
    apiId,
    messages,
    messagesUsd: (messages / 1_000_000) * WEBSOCKET_MESSAGES_PRICE_PER_MILLION_USD,
    connectionMinutes,
    connectionMinutesUsd: (connectionMinutes / 1_000_000) * CONNECTION_MINUTES_PRICE_PER_MILLION_USD,
  }));
}

function cacheLines(periods: readonly CacheClusterPeriod[], now: number): CacheBillLine[] {
  const lines = new Map<string, CacheBillLine>();
  for (const period of periods) {
    const key = `${period.apiId}/${period.stage}/${period.size}`;
    const line = lines.get(key) ?? { apiId: period.apiId, stage: period.stage, sizeGb: period.size, hours: 0, totalUsd: 0 };
    line.hours += ((period.until ?? now) - period.from) / 3_600_000;
    line.totalUsd = line.hours * CACHE_PRICE_PER_HOUR_USD[period.size];
    lines.set(key, line);
  }
  return [...lines.values()];
}

export function apiGatewayBill(usage: ApiGatewayUsage): ApiGatewayBill {
  const lines = requestLines(usage.requests);
  const webSocket = webSocketLines(usage.webSocket);
  const cache = cacheLines(usage.cacheClusters, usage.now);
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    currency: "USD",
    prices: {
      restPerMillionUsd: REST_PRICE_PER_MILLION_USD,
      httpPerMillionUsd: HTTP_PRICE_PER_MILLION_USD,
      webSocketMessagesPerMillionUsd: WEBSOCKET_MESSAGES_PRICE_PER_MILLION_USD,
      connectionMinutesPerMillionUsd: CONNECTION_MINUTES_PRICE_PER_MILLION_USD,
      cachePerHourUsd: CACHE_PRICE_PER_HOUR_USD,
      source: "https://aws.amazon.com/api-gateway/pricing/",
    },
    lines,
    webSocket,
    cache,
    requests: sum(lines.map((line) => line.requests)),
    totalUsd: sum([...lines.map((line) => line.totalUsd), ...webSocket.map((line) => line.messagesUsd + line.connectionMinutesUsd), ...cache.map((line) => line.totalUsd)]),
  };
}
