/**
 * Which buckets a request must pass, in AWS's order: per-method stage limits (REST) or route limits (HTTP),
 * then the account's 10,000 rps / 5,000 burst per Region
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html,
 * AWS-FACTS C.5 item 24). A request takes a token from each bucket it passes; the first empty one rejects it
 * with 429 (later buckets are not charged).
 */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { ThrottleLimits } from "../apigateway-types.ts";
import { createTokenBucket, type TokenBucket } from "./token-bucket.ts";

export interface ThrottleScope {
  /** Unique per API, stage and method/route: "apiId/stage/resourcePath/METHOD". */
  readonly key: string;
  readonly limits: ThrottleLimits;
}

export type ThrottleVerdict = { readonly admitted: true } | { readonly admitted: false; readonly limitedBy: string };

export function admit(context: ApiGatewayContext, scope: ThrottleScope | undefined): ThrottleVerdict {
  const now = context.clock.now();
  if (scope !== undefined) {
    const bucket = bucketFor(context, scope, now);
    if (!bucket.tryTake(now)) return { admitted: false, limitedBy: `${scope.key} (rate ${scope.limits.rateLimit}/s, burst ${scope.limits.burstLimit})` };
  }
  if (!context.accountBucket.tryTake(now)) {
    return { admitted: false, limitedBy: `the account (rate ${context.accountBucket.rate}/s, burst ${context.accountBucket.burst})` };
  }
  return { admitted: true };
}

function bucketFor(context: ApiGatewayContext, scope: ThrottleScope, now: number): TokenBucket {
  let bucket = context.buckets.get(scope.key);
  if (bucket === undefined || bucket.rate !== scope.limits.rateLimit || bucket.burst !== scope.limits.burstLimit) {
    bucket = createTokenBucket(scope.limits.rateLimit, scope.limits.burstLimit, now);
    context.buckets.set(scope.key, bucket);
  }
  return bucket;
}
