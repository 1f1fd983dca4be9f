/**
 * A method that requires an API key (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html,
 * AWS-FACTS C.5 item 28): the `x-api-key` header must hold an enabled key of a usage plan that covers this API
 * stage, else 403 {"message":"Forbidden"}. Then the plan's per-key throttle (429 Too Many Requests) and quota
 * (429 Limit Exceeded) apply, before the method and account limits. Methods that need no key bypass plans.
 */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { UsagePlan } from "../apigateway-types.ts";
import { quotaRemaining } from "./quota-period.ts";
import { createTokenBucket } from "./token-bucket.ts";

export type KeyVerdict =
  | { readonly kind: "admitted"; readonly plan: UsagePlan; readonly keyId: string }
  | { readonly kind: "forbidden"; readonly reason: string }
  | { readonly kind: "throttled"; readonly reason: string }
  | { readonly kind: "quota-exceeded"; readonly reason: string };

export function checkApiKey(context: ApiGatewayContext, apiId: string, stage: string, given: string | undefined): KeyVerdict {
  if (given === undefined || given === "") return { kind: "forbidden", reason: "the method requires an API key and the request has no x-api-key header" };
  const key = [...context.apiKeys.values()].find((candidate) => candidate.value === given);
  if (key === undefined) return { kind: "forbidden", reason: "the x-api-key header holds no known API key" };
  if (!key.enabled) return { kind: "forbidden", reason: `API key ${key.id} is disabled` };
  const plan = [...context.usagePlans.values()].find((candidate) => candidate.keyIds.has(key.id) && candidate.apiStages.some((s) => s.apiId === apiId && s.stage === stage));
  if (plan === undefined) return { kind: "forbidden", reason: `API key ${key.id} is in no usage plan of stage ${stage}` };
  const now = context.clock.now();
  if (plan.throttle !== undefined) {
    const bucketKey = `plan/${plan.id}/${key.id}`;
    let bucket = context.buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = createTokenBucket(plan.throttle.rateLimit, plan.throttle.burstLimit, now);
      context.buckets.set(bucketKey, bucket);
    }
    if (!bucket.tryTake(now)) return { kind: "throttled", reason: `throttled by usage plan ${plan.name} for key ${key.id} (rate ${plan.throttle.rateLimit}/s, burst ${plan.throttle.burstLimit})` };
  }
  if (quotaRemaining(plan, key.id, now) <= 0) return { kind: "quota-exceeded", reason: `usage plan ${plan.name}'s quota of ${plan.quota?.limit ?? 0} per ${plan.quota?.period ?? ""} is used up for key ${key.id}` };
  const usage = plan.usage.get(key.id) ?? [];
  usage.push(now);
  plan.usage.set(key.id, usage);
  return { kind: "admitted", plan, keyId: key.id };
}
