/**
 * API Gateway's part of the bill at AWS list prices, us-east-1, first tier, no free tier
 * (https://aws.amazon.com/api-gateway/pricing/): REST APIs $3.50 per million requests (first 333 million), HTTP APIs
 * $1.00 per million (first 300 million). Not billed here: cache hours, WebSocket messages and connection minutes,
 * and HTTP API metering in 512 KB steps (every request counts once).
 */
import type { RequestRecord } from "./apigateway-context.ts";

export const REST_PRICE_PER_MILLION_USD = 3.5;
export const HTTP_PRICE_PER_MILLION_USD = 1.0;

export interface ApiGatewayBillLine {
  apiId: string;
  protocol: "REST" | "HTTP";
  requests: number;
  totalUsd: number;
}

export interface ApiGatewayBill {
  currency: "USD";
  prices: { restPerMillionUsd: number; httpPerMillionUsd: number; source: string };
  lines: ApiGatewayBillLine[];
  requests: number;
  totalUsd: number;
}

export function apiGatewayBill(records: readonly RequestRecord[]): ApiGatewayBill {
  const lines = new Map<string, ApiGatewayBillLine>();
  for (const record of records) {
    if (!record.billed) continue;
    const line = lines.get(record.apiId) ?? { apiId: record.apiId, protocol: record.protocol, requests: 0, totalUsd: 0 };
    line.requests += 1;
    line.totalUsd = (line.requests / 1_000_000) * (line.protocol === "REST" ? REST_PRICE_PER_MILLION_USD : HTTP_PRICE_PER_MILLION_USD);
    lines.set(record.apiId, line);
  }
  const all = [...lines.values()];
  return {
    currency: "USD",
    prices: { restPerMillionUsd: REST_PRICE_PER_MILLION_USD, httpPerMillionUsd: HTTP_PRICE_PER_MILLION_USD, source: "https://aws.amazon.com/api-gateway/pricing/" },
    lines: all,
    requests: all.reduce((sum, line) => sum + line.requests, 0),
    totalUsd: all.reduce((sum, line) => sum + line.totalUsd, 0),
  };
}
