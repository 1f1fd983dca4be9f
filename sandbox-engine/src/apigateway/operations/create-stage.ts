/**
 * CreateStage (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html): a named stage of a deployment,
 * with its variables and its cache (`cacheClusterEnabled`, `cacheClusterSize` in GB, default 0.5).
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, conflict, limitExceeded, notFound, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { DEFAULT_CACHE_CLUSTER_SIZE, MAX_STAGES_PER_API, type CacheClusterSize } from "../apigateway-limits.ts";
import type { RestStage } from "../apigateway-types.ts";
import { INVALID_CACHE_SIZE, isCacheClusterSize, meterCacheCluster } from "../cache-cluster.ts";
import { findRestApi, findRestStage } from "./rest-lookup.ts";
import { checkStageVariables } from "./stage-variables.ts";

export interface StageSummary {
  stageName: string;
  deploymentId: string;
  variables?: Record<string, string>;
  cacheClusterEnabled: boolean;
  cacheClusterSize: CacheClusterSize;
  cacheClusterStatus: "AVAILABLE" | "NOT_AVAILABLE";
  methodSettings: Record<string, { throttlingRateLimit?: number; throttlingBurstLimit?: number; cachingEnabled?: boolean; cacheTtlInSeconds?: number }>;
  createdDate: Date;
}

export function summarizeStage(stage: RestStage): StageSummary {
  return {
    stageName: stage.stageName,
    deploymentId: stage.deploymentId,
    ...(Object.keys(stage.variables).length === 0 ? {} : { variables: { ...stage.variables } }),
    cacheClusterEnabled: stage.cacheClusterEnabled,
    cacheClusterSize: stage.cacheClusterSize,
    cacheClusterStatus: stage.cacheClusterEnabled ? "AVAILABLE" : "NOT_AVAILABLE",
    methodSettings: methodSettingsOf(stage),
    createdDate: new Date(stage.createdDate),
  };
}

/** The cache settings of CreateStage and CreateDeployment, or why they are invalid. */
export function cacheSettingsOf(params: Record<string, unknown>): { readonly enabled: boolean; readonly size: CacheClusterSize } | string {
  const size = params.cacheClusterSize ?? DEFAULT_CACHE_CLUSTER_SIZE;
  return isCacheClusterSize(size) ? { enabled: params.cacheClusterEnabled === true, size } : INVALID_CACHE_SIZE;
}

/** A new stage of `apiId`, its cache cluster (if on) metered from now. */
export function newRestStage(
  context: ApiGatewayContext,
  apiId: string,
  stageName: string,
  deploymentId: string,
  variables: Record<string, string>,
  cache: { readonly enabled: boolean; readonly size: CacheClusterSize },
): RestStage {
  const stage: RestStage = {
    stageName,
    deploymentId,
    variables,
    methodThrottling: new Map(),
    cacheClusterEnabled: cache.enabled,
    cacheClusterSize: cache.size,
    methodCaching: new Map(),
    cache: new Map(),
    createdDate: context.clock.now(),
  };
  meterCacheCluster(context, apiId, stage);
  return stage;
}

export function createStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<StageSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const { stageName, deploymentId } = params;
  if (typeof stageName !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(stageName)) return badRequest("Stage name only allows a-zA-Z0-9_-");
  if (typeof deploymentId !== "string" || !api.value.deployments.has(deploymentId)) return notFound("Invalid Deployment identifier specified");
  if (api.value.stages.has(stageName)) return conflict("Stage already exists");
  if (api.value.stages.size >= MAX_STAGES_PER_API) return limitExceeded(`Too many stages: an API has at most ${MAX_STAGES_PER_API}`);
  const variables = checkStageVariables(params.variables);
  if (!variables.ok) return variables;
  const cache = cacheSettingsOf(params);
  if (typeof cache === "string") return badRequest(cache);
  const stage = newRestStage(context, api.value.id, stageName, deploymentId, variables.value, cache);
  api.value.stages.set(stageName, stage);
  return ok(summarizeStage(stage));
}

export function getStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<StageSummary> {
  const params = asParams(input);
  const found = findRestStage(context, params);
  return found.ok ? ok(summarizeStage(found.value.stage)) : found;
}

function methodSettingsOf(stage: RestStage): StageSummary["methodSettings"] {
  const settings: StageSummary["methodSettings"] = {};
  for (const [key, limits] of stage.methodThrottling) settings[key] = { throttlingRateLimit: limits.rateLimit, throttlingBurstLimit: limits.burstLimit };
  for (const [key, caching] of stage.methodCaching) settings[key] = { ...settings[key], cachingEnabled: caching.enabled, cacheTtlInSeconds: caching.ttlSeconds };
  return settings;
}
