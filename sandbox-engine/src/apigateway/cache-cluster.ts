/**
 * The REST stage cache as AWS provisions and bills it (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html):
 * a cache cluster of a chosen size (`cacheClusterSize`, default 0.5 GB) runs while `cacheClusterEnabled` is true,
 * and is billed by the hour whether or not requests hit it (https://aws.amazon.com/api-gateway/pricing/). Each
 * stretch of time a stage's cluster ran at one size is one period; the bill adds them up.
 */
import type { ApiGatewayContext } from "./apigateway-context.ts";
import { CACHE_CLUSTER_SIZES, type CacheClusterSize } from "./apigateway-limits.ts";
import type { RestStage } from "./apigateway-types.ts";

export function isCacheClusterSize(value: unknown): value is CacheClusterSize {
  return typeof value === "string" && (CACHE_CLUSTER_SIZES as readonly string[]).includes(value);
}

export const INVALID_CACHE_SIZE = `Invalid cache cluster size specified. Valid values are ${CACHE_CLUSTER_SIZES.join(", ")}`;

/** Records a change of a stage's cache: ends the running period if the cache went off or changed size, starts one if it runs. */
export function meterCacheCluster(context: ApiGatewayContext, apiId: string, stage: RestStage): void {
  const running = context.cacheClusters.find((period) => period.apiId === apiId && period.stage === stage.stageName && period.until === undefined);
  const size = stage.cacheClusterEnabled ? stage.cacheClusterSize : undefined;
  if (running?.size === size) return;
  const now = context.clock.now();
  if (running !== undefined) running.until = now;
  if (size !== undefined) context.cacheClusters.push({ apiId, stage: stage.stageName, size, from: now, until: undefined });
}
