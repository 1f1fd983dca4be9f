/**
 * UpdateStage (https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html) with patch operations
 * (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html#UpdateStage-Patch): `/variables/{name}`
 * (replace, remove), `/deploymentId`, and method throttling
 * `/{resourcePath}/{httpMethod}/throttling/rateLimit|burstLimit`, where the resource path escapes "/" as "~1"
 * and `/*\/*` means every method. A limit not set defaults to the account's (10,000 / 5,000). Caching:
 * `/cacheClusterEnabled`, `/cacheClusterSize` (GB: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237),
 * `/{resourcePath}/{httpMethod}/caching/enabled|ttlInSeconds|requireAuthorizationForCacheControl`. Resizing or
 * turning the cache off empties it (a new cluster), and the bill meters each size from when it was set.
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { ACCOUNT_BURST_LIMIT, ACCOUNT_RATE_LIMIT, DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from "../apigateway-limits.ts";
import type { RestStage } from "../apigateway-types.ts";
import { INVALID_CACHE_SIZE, isCacheClusterSize, meterCacheCluster } from "../cache-cluster.ts";
import { summarizeStage, type StageSummary } from "./create-stage.ts";
import { findRestStage } from "./rest-lookup.ts";
import { stageVariableError } from "./stage-variables.ts";

const THROTTLING_PATH = /^\/(.+)\/([A-Z*]+)\/throttling\/(rateLimit|burstLimit)$/;
const CACHING_PATH = /^\/(.+)\/([A-Z*]+)\/caching\/(enabled|ttlInSeconds|requireAuthorizationForCacheControl)$/;

export function updateStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<StageSummary> {
  const params = asParams(input);
  const found = findRestStage(context, params);
  if (!found.ok) return found;
  const { api, stage } = found.value;
  const operations = Array.isArray(params.patchOperations) ? (params.patchOperations as unknown[]) : [];
  // Applied to a copy first, so one bad operation changes nothing.
  const draft: RestStage = { ...stage, variables: { ...stage.variables }, methodThrottling: new Map(stage.methodThrottling), methodCaching: new Map(stage.methodCaching) };
  for (const operation of operations) {
    const error = applyPatch(draft, asParams(operation), (id) => api.deployments.has(id));
    if (error !== undefined) return badRequest(error);
  }
  stage.deploymentId = draft.deploymentId;
  stage.variables = draft.variables;
  stage.methodThrottling.clear();
  for (const [key, limits] of draft.methodThrottling) stage.methodThrottling.set(key, limits);
  stage.methodCaching.clear();
  for (const [key, caching] of draft.methodCaching) stage.methodCaching.set(key, caching);
  if (!draft.cacheClusterEnabled || draft.cacheClusterSize !== stage.cacheClusterSize) stage.cache.clear();
  stage.cacheClusterEnabled = draft.cacheClusterEnabled;
  stage.cacheClusterSize = draft.cacheClusterSize;
  meterCacheCluster(context, api.id, stage);
  // New limits start new buckets.
  for (const key of [...context.buckets.keys()]) if (key.startsWith(`${api.id}/${stage.stageName}/`)) context.buckets.delete(key);
  return ok(summarizeStage(stage));
}

function applyPatch(stage: RestStage, patch: Readonly<Record<string, unknown>>, deploymentExists: (id: string) => boolean): string | undefined {
  const { op, path, value } = patch;
  if (typeof path !== "string") return "Invalid patch path null";
  if (path.startsWith("/variables/")) {
    const name = path.slice("/variables/".length);
    if (op === "remove") {
      delete stage.variables[name];
      return undefined;
    }
    if (op !== "replace" && op !== "add") return `Invalid patch operation specified. Must be 'add'|'remove'|'replace'`;
    const error = stageVariableError(name, value);
    if (error !== undefined) return error;
    stage.variables[name] = value as string;
    return undefined;
  }
  if (path === "/deploymentId") {
    if (op !== "replace" || typeof value !== "string" || !deploymentExists(value)) return "Invalid Deployment identifier specified";
    stage.deploymentId = value;
    return undefined;
  }
  if (path === "/cacheClusterEnabled" && op === "replace" && (value === "true" || value === "false")) {
    stage.cacheClusterEnabled = value === "true";
    return undefined;
  }
  if (path === "/cacheClusterSize" && op === "replace") {
    if (!isCacheClusterSize(value)) return INVALID_CACHE_SIZE;
    stage.cacheClusterSize = value;
    return undefined;
  }
  const caching = CACHING_PATH.exec(path);
  if (caching !== null && op === "replace") {
    const [, resource = "", method = "", which] = caching;
    const key = `${resource.replace(/~1/g, "/")}/${method}`;
    const current = stage.methodCaching.get(key) ?? { enabled: method === "GET" || method === "*", ttlSeconds: DEFAULT_CACHE_TTL_SECONDS, requireAuthorizationForCacheControl: true };
    if (which === "ttlInSeconds") {
      const ttl = Number(value);
      if (typeof value !== "string" || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_CACHE_TTL_SECONDS) return `Invalid cache TTL ${String(value)}: 0 to ${MAX_CACHE_TTL_SECONDS} seconds`;
      stage.methodCaching.set(key, { ...current, ttlSeconds: ttl });
      return undefined;
    }
    if (value !== "true" && value !== "false") return `Invalid ${which} value: ${String(value)} (true or false)`;
    stage.methodCaching.set(key, which === "enabled" ? { ...current, enabled: value === "true" } : { ...current, requireAuthorizationForCacheControl: value === "true" });
    return undefined;
  }
  const throttling = THROTTLING_PATH.exec(path);
  if (throttling !== null && op === "replace") {
    const [, resource = "", method = "", which] = throttling;
    const limit = Number(value);
    if (typeof value !== "string" || value.trim() === "" || !Number.isFinite(limit) || limit < 0) return `Invalid ${which} value: ${String(value)}`;
    const key = `${resource.replace(/~1/g, "/")}/${method}`;
    const current = stage.methodThrottling.get(key) ?? { rateLimit: ACCOUNT_RATE_LIMIT, burstLimit: ACCOUNT_BURST_LIMIT };
    stage.methodThrottling.set(key, which === "rateLimit" ? { ...current, rateLimit: limit } : { ...current, burstLimit: Math.floor(limit) });
    return undefined;
  }
  return `Invalid patch path ${path}`;
}
