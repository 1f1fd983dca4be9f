/**
 * The Lambda bill of a sandbox run, itemised per function, at list prices (lambda-prices.ts;
 * https://aws.amazon.com/lambda/pricing/): requests x $0.20 per million, plus GB-seconds
 * (billed duration in 1-ms steps x memory) x $0.0000166667. Throttled requests are not billed;
 * errors and timeouts are. No free tier is deducted (a lesson can show it separately).
 */
import type { InvocationRecord } from "../lambda-state.ts";
import { MB_PER_GB, PRICE_PER_GB_SECOND_USD, PRICE_PER_REQUEST_USD } from "./lambda-prices.ts";

export interface LambdaBillLine {
  functionName: string;
  requests: number;
  billedDurationMs: number;
  gbSeconds: number;
  requestCostUsd: number;
  computeCostUsd: number;
  totalUsd: number;
}

export interface LambdaBill {
  currency: "USD";
  prices: { perRequestUsd: number; perGbSecondUsd: number; source: string };
  lines: LambdaBillLine[];
  requests: number;
  gbSeconds: number;
  requestCostUsd: number;
  computeCostUsd: number;
  totalUsd: number;
}

export function lambdaBill(records: readonly InvocationRecord[]): LambdaBill {
  const lines = new Map<string, LambdaBillLine>();
  for (const record of records) {
    if (record.status === "throttled") continue;
    let line = lines.get(record.functionName);
    if (line === undefined) {
      line = { functionName: record.functionName, requests: 0, billedDurationMs: 0, gbSeconds: 0, requestCostUsd: 0, computeCostUsd: 0, totalUsd: 0 };
      lines.set(record.functionName, line);
    }
    line.requests += 1;
    line.billedDurationMs += record.billedDurationMs;
    line.gbSeconds += (record.billedDurationMs / 1000) * (record.memorySizeMb / MB_PER_GB);
  }
  const bill: LambdaBill = {
    currency: "USD",
    prices: { perRequestUsd: PRICE_PER_REQUEST_USD, perGbSecondUsd: PRICE_PER_GB_SECOND_USD, source: "https://aws.amazon.com/lambda/pricing/" },
    lines: [...lines.values()].sort((a, b) => a.functionName.localeCompare(b.functionName)),
    requests: 0,
    gbSeconds: 0,
    requestCostUsd: 0,
    computeCostUsd: 0,
    totalUsd: 0,
  };
  for (const line of bill.lines) {
    line.requestCostUsd = line.requests * PRICE_PER_REQUEST_USD;
    line.computeCostUsd = line.gbSeconds * PRICE_PER_GB_SECOND_USD;
    line.totalUsd = line.requestCostUsd + line.computeCostUsd;
    bill.requests += line.requests;
    bill.gbSeconds += line.gbSeconds;
    bill.requestCostUsd += line.requestCostUsd;
    bill.computeCostUsd += line.computeCostUsd;
    bill.totalUsd += line.totalUsd;
  }
  return bill;
}
