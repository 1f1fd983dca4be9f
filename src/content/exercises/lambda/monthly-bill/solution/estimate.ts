import type { LambdaBill } from "sandbox-engine";

export const HOURS_PER_MONTH = 730;

export interface MonthlyEstimate {
  requests: number;
  gbSeconds: number;
  requestCostUsd: number;
  computeCostUsd: number;
  totalUsd: number;
}

export function monthlyLambdaCost(sample: LambdaBill, requestsPerMonth: number): MonthlyEstimate {
  // Lambda bills per request and per GB-second, so both scale with traffic.
  const gbSeconds = (sample.gbSeconds / sample.requests) * requestsPerMonth;
  const requestCostUsd = requestsPerMonth * sample.prices.perRequestUsd;
  const computeCostUsd = gbSeconds * sample.prices.perGbSecondUsd;
  return { requests: requestsPerMonth, gbSeconds, requestCostUsd, computeCostUsd, totalUsd: requestCostUsd + computeCostUsd };
}

export function monthlyServerCost(hourlyUsd: number): number {
  // Paid for every hour, busy or idle.
  return hourlyUsd * HOURS_PER_MONTH;
}

export function breakEvenRequests(sample: LambdaBill, serverMonthlyUsd: number): number {
  const costPerRequest = sample.totalUsd / sample.requests;
  return serverMonthlyUsd / costPerRequest;
}

export function cheaperOption(sample: LambdaBill, requestsPerMonth: number, serverHourlyUsd: number): "lambda" | "server" {
  return monthlyLambdaCost(sample, requestsPerMonth).totalUsd <= monthlyServerCost(serverHourlyUsd) ? "lambda" : "server";
}
