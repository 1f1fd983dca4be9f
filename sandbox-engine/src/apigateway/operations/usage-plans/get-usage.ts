/**
 * GetUsage (https://docs.aws.amazon.com/apigateway/latest/api/API_GetUsage.html): per key, one `[used, remaining]`
 * pair per day from startDate to endDate ("YYYY-MM-DD", UTC); remaining is what the quota leaves at the end of
 * that day.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, notFound, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { quotaRemaining } from "../../throttling/quota-period.ts";

const DAY_MS = 86_400_000;

function dayOf(text: unknown): number | undefined {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

export function getUsage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ usagePlanId: string; startDate: string; endDate: string; items: Record<string, [number, number][]> }> {
  const params = asParams(input);
  const plan = typeof params.usagePlanId === "string" ? context.usagePlans.get(params.usagePlanId) : undefined;
  if (plan === undefined) return notFound("Invalid Usage Plan ID specified");
  const start = dayOf(params.startDate);
  const end = dayOf(params.endDate);
  if (start === undefined || end === undefined || end < start) return badRequest("Invalid start date or end date: use YYYY-MM-DD, end not before start");
  if (params.keyId !== undefined && (typeof params.keyId !== "string" || !plan.keyIds.has(params.keyId))) return notFound("Invalid API Key identifier specified");
  const keyIds = typeof params.keyId === "string" ? [params.keyId] : [...plan.keyIds];
  const items: Record<string, [number, number][]> = {};
  for (const keyId of keyIds) {
    const times = plan.usage.get(keyId) ?? [];
    const days: [number, number][] = [];
    for (let day = start; day <= end; day += DAY_MS) {
      const used = times.filter((time) => time >= day && time < day + DAY_MS).length;
      const remaining = quotaRemaining(plan, keyId, day + DAY_MS - 1);
      days.push([used, Number.isFinite(remaining) ? remaining : 0]);
    }
    items[keyId] = days;
  }
  return ok({ usagePlanId: plan.id, startDate: String(params.startDate), endDate: String(params.endDate), items });
}
