import { HTTP_METERING_STEP_KB, requestTiers, type ApiType } from "./prices";

export function meteredRequests(type: ApiType, requests: number, payloadKb: number): number {
  if (type === "REST") return requests;
  return requests * Math.max(1, Math.ceil(payloadKb / HTTP_METERING_STEP_KB));
}

export function monthlyCost(type: ApiType, requestsPerMonth: number, payloadKb: number): number {
  let remaining = meteredRequests(type, requestsPerMonth, payloadKb);
  let previousUpTo = 0;
  let usd = 0;
  for (const tier of requestTiers[type]) {
    const inTier = Math.min(remaining, tier.upTo - previousUpTo);
    usd += (inTier / 1_000_000) * tier.usdPerMillion;
    remaining -= inTier;
    previousUpTo = tier.upTo;
    if (remaining <= 0) break;
  }
  return usd;
}
