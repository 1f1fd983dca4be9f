/**
 * CreateUsagePlan (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlan.html): the API stages it
 * covers, a per-key throttle (rateLimit, burstLimit) and a quota (limit per DAY, WEEK or MONTH, less `offset`
 * requests in the first period).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams, isRecord } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { QuotaPeriod, UsagePlan } from "../../apigateway-types.ts";

export interface UsagePlanSummary {
  id: string;
  name: string;
  apiStages: { apiId: string; stage: string }[];
  throttle?: { rateLimit: number; burstLimit: number };
  quota?: { limit: number; offset: number; period: QuotaPeriod };
}

const PERIODS: readonly string[] = ["DAY", "WEEK", "MONTH"];
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

export function createUsagePlan(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<UsagePlanSummary> {
  const params = asParams(input);
  if (typeof params.name !== "string" || params.name === "") return badRequest("Usage plan name must be specified");
  const apiStages: { apiId: string; stage: string }[] = [];
  for (const given of Array.isArray(params.apiStages) ? (params.apiStages as unknown[]) : []) {
    const { apiId, stage } = isRecord(given) ? given : {};
    const api = typeof apiId === "string" ? context.apis.get(apiId) : undefined;
    if (api === undefined || api.kind !== "REST" || typeof stage !== "string" || !api.stages.has(stage)) {
      return badRequest(`Invalid stage identifier specified: API ${String(apiId)}, stage ${String(stage)}`);
    }
    apiStages.push({ apiId, stage } as { apiId: string; stage: string });
  }
  let throttle: UsagePlan["throttle"];
  if (params.throttle !== undefined) {
    const { rateLimit, burstLimit } = isRecord(params.throttle) ? params.throttle : {};
    if (!isCount(rateLimit) || !isCount(burstLimit)) return badRequest("Usage plan throttle needs rateLimit and burstLimit, numbers >= 0");
    throttle = { rateLimit, burstLimit: Math.floor(burstLimit) };
  }
  let quota: UsagePlan["quota"];
  if (params.quota !== undefined) {
    const { limit, offset = 0, period } = isRecord(params.quota) ? params.quota : {};
    if (!isCount(limit) || !Number.isInteger(limit) || !isCount(offset) || typeof period !== "string" || !PERIODS.includes(period)) {
      return badRequest("Usage plan quota needs a whole limit >= 0 and a period of DAY, WEEK or MONTH");
    }
    if (offset >= limit && limit > 0) return badRequest("Quota offset must be less than the limit");
    quota = { limit, offset, period: period as QuotaPeriod };
  }
  const plan: UsagePlan = { id: newId(context, 6), name: params.name, apiStages, throttle, quota, keyIds: new Set(), createdDate: context.clock.now(), usage: new Map() };
  context.usagePlans.set(plan.id, plan);
  return ok({ id: plan.id, name: plan.name, apiStages: [...apiStages], ...(throttle === undefined ? {} : { throttle: { ...throttle } }), ...(quota === undefined ? {} : { quota: { ...quota } }) });
}
