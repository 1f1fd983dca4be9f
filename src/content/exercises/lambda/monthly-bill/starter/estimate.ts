import type { LambdaBill } from "sandbox-engine";

/** AWS prices servers by the hour and counts 730 hours in a month (365 x 24 / 12). */
export const HOURS_PER_MONTH = 730;

export interface MonthlyEstimate {
  requests: number;
  gbSeconds: number;
  requestCostUsd: number;
  computeCostUsd: number;
  totalUsd: number;
}

/**
 * The Lambda bill of a month with `requestsPerMonth` requests,
 * extrapolated from `sample`, the sandbox's bill for a sample run
 * of the same function (sb.lambda.bill()). Same memory, same kind
 * of work: the cost per request stays the same.
 */
export function monthlyLambdaCost(sample: LambdaBill, requestsPerMonth: number): MonthlyEstimate {
  // TODO 1: GB-seconds per request from the sample, times
  //   requestsPerMonth; then price requests and GB-seconds with
  //   sample.prices.perRequestUsd and sample.prices.perGbSecondUsd.
  return {
    requests: sample.requests,
    gbSeconds: sample.gbSeconds,
    requestCostUsd: sample.requestCostUsd,
    computeCostUsd: sample.computeCostUsd,
    totalUsd: sample.totalUsd,
  };
}

/** An always-on server: its hourly price, every hour of the month. */
export function monthlyServerCost(hourlyUsd: number): number {
  // TODO 2
  return 0;
}

/**
 * The requests per month at which the function costs as much as
 * a server costing `serverMonthlyUsd` a month.
 */
export function breakEvenRequests(sample: LambdaBill, serverMonthlyUsd: number): number {
  // TODO 3: the server's price divided by Lambda's cost per request.
  return 0;
}

/** Which is cheaper for this traffic: the function or the server? */
export function cheaperOption(sample: LambdaBill, requestsPerMonth: number, serverHourlyUsd: number): "lambda" | "server" {
  // TODO 4: compare the two monthly costs.
  return "lambda";
}
