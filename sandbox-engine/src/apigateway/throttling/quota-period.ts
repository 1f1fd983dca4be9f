/**
 * Usage plan quota periods, in UTC. Decision (the Developer Guide gives no boundaries): a DAY starts at 00:00 UTC,
 * a WEEK on Monday 00:00 UTC, a MONTH on the 1st at 00:00 UTC. The plan's `offset` is taken off the limit in
 * the period the plan was created in ("the number of requests subtracted from the given limit in the initial
 * time period", API_QuotaSettings).
 */
import type { QuotaPeriod, UsagePlan } from "../apigateway-types.ts";

const DAY_MS = 86_400_000;

export function periodStart(period: QuotaPeriod, at: number): number {
  const date = new Date(at);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (period === "DAY") return midnight;
  if (period === "WEEK") return midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** How many more requests the key may make in the period that contains `at`. */
export function quotaRemaining(plan: UsagePlan, keyId: string, at: number): number {
  if (plan.quota === undefined) return Number.POSITIVE_INFINITY;
  const start = periodStart(plan.quota.period, at);
  const limit = plan.quota.limit - (start === periodStart(plan.quota.period, plan.createdDate) ? plan.quota.offset : 0);
  const used = (plan.usage.get(keyId) ?? []).filter((time) => time >= start && time <= at).length;
  return Math.max(0, limit - used);
}
