/**
 * The REST stage cache (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html): with the
 * stage's cache on, GET methods are cached for 300 s unless method settings say otherwise (TTL up to 3,600 s). The
 * key is the method and resource path plus the integration's cacheKeyParameters, so path and query parameters
 * not declared there share one entry, as on AWS. A hit answers without calling the integration.
 * `Cache-Control: max-age=0` refreshes an entry only when the method does not require authorization for it:
 * sandbox callers never sign requests, so with the default (required) the header is ignored. Decision: only 2XX
 * answers are stored.
 */
import type { MethodCaching, RestStage } from "../apigateway-types.ts";
import { DEFAULT_CACHE_TTL_SECONDS } from "../apigateway-limits.ts";
import { headerValue, type GatewayRequest, type GatewayResponse } from "./gateway-request.ts";

export interface CacheSlot {
  readonly key: string;
  readonly ttlSeconds: number;
  /** The caller asked for a fresh answer and may. */
  readonly refresh: boolean;
}

function cachingOf(stage: RestStage, resourcePath: string, httpMethod: string): MethodCaching | undefined {
  if (!stage.cacheClusterEnabled) return undefined;
  const setting =
    stage.methodCaching.get(`${resourcePath}/${httpMethod}`) ??
    stage.methodCaching.get("*/*") ??
    (httpMethod === "GET" ? { enabled: true, ttlSeconds: DEFAULT_CACHE_TTL_SECONDS, requireAuthorizationForCacheControl: true } : undefined);
  return setting?.enabled === true && setting.ttlSeconds > 0 ? setting : undefined;
}

export function cacheSlot(
  stage: RestStage,
  request: GatewayRequest,
  route: { readonly resourcePath: string; readonly httpMethod: string; readonly pathParameters: Readonly<Record<string, string>>; readonly cacheKeyParameters: readonly string[] },
): CacheSlot | undefined {
  const caching = cachingOf(stage, route.resourcePath, route.httpMethod);
  if (caching === undefined) return undefined;
  const parts = route.cacheKeyParameters.map((parameter) => {
    const [, kind = "", name = ""] = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(parameter) ?? [];
    const value = kind === "path" ? route.pathParameters[name] : kind === "querystring" ? request.url.searchParams.get(name) : headerValue(request, name);
    return `${parameter}=${value ?? ""}`;
  });
  const refresh = !caching.requireAuthorizationForCacheControl && /(^|,)\s*max-age=0\s*(,|$)/.test(headerValue(request, "cache-control") ?? "");
  return { key: [request.method, route.resourcePath, ...parts].join("\n"), ttlSeconds: caching.ttlSeconds, refresh };
}

export function cachedResponse(stage: RestStage, slot: CacheSlot, now: number): GatewayResponse | undefined {
  const entry = stage.cache.get(slot.key);
  return entry !== undefined && entry.expiresAt > now && !slot.refresh ? entry.response : undefined;
}

export function storeResponse(stage: RestStage, slot: CacheSlot, response: GatewayResponse, now: number): void {
  if (response.status >= 200 && response.status < 300) stage.cache.set(slot.key, { expiresAt: now + slot.ttlSeconds * 1000, response });
}
