/** What every proxy event says about the request: ids, times, the caller (as API Gateway reports them). */
import type { GatewayRequest } from "./gateway-request.ts";

export interface RequestFacts {
  readonly apiId: string;
  readonly accountId: string;
  readonly stage: string;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly traceId: string;
  readonly timeEpoch: number;
  readonly domainName: string;
  /** Path as received, with the stage segment if it is in the URL ("/prod/orders/42"). */
  readonly fullPath: string;
  /** Path below the stage ("/orders/42"). */
  readonly path: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** The API key the caller gave, when the method required one (requestContext.identity.apiKey / apiKeyId). */
  readonly apiKey?: { readonly id: string; readonly value: string } | undefined;
  /** What a Lambda authorizer allowed: requestContext.authorizer (principalId and its context). */
  readonly authorizer?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** What a JWT authorizer allowed: the token's claims and scopes (requestContext.authorizer.jwt in 2.0, .authorizer in 1.0). */
  readonly jwt?: { readonly claims: Readonly<Record<string, string>>; readonly scopes: readonly string[] | null } | undefined;
}

/** The ids of a request, made before routing, and how to record it. */
export interface RequestStart {
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly traceId: string;
  /** Records the request event; returns its seq (the cause of what follows). */
  record(stage: string, route: string): number;
  /** Notes what the stage cache did, for the metrics (CacheHitCount, CacheMissCount). */
  noteCache(result: "hit" | "miss" | "refresh"): void;
}

export function requestFacts(
  context: { readonly accountId: string; readonly clock: { now(): number } },
  apiId: string,
  start: RequestStart,
  request: GatewayRequest,
  stage: { readonly stageName: string; readonly variables: Readonly<Record<string, string>> },
  belowStage: readonly string[],
): RequestFacts {
  return {
    apiId,
    accountId: context.accountId,
    stage: stage.stageName,
    requestId: start.requestId,
    extendedRequestId: start.extendedRequestId,
    traceId: start.traceId,
    timeEpoch: context.clock.now(),
    domainName: request.url.host,
    fullPath: request.url.pathname,
    path: `/${belowStage.join("/")}`,
    stageVariables: stage.variables,
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "04/Mar/2020:19:15:17 +0000", the format of requestContext.requestTime and .time. */
export function requestTimeText(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()] ?? ""}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** The headers API Gateway adds before calling the integration. */
export function forwardedHeaders(request: GatewayRequest, facts: RequestFacts): (readonly [string, string])[] {
  const sent = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const added: (readonly [string, string])[] = [];
  if (!sent.has("host")) added.push(["Host", facts.domainName]);
  added.push(["X-Amzn-Trace-Id", facts.traceId], ["X-Forwarded-For", request.sourceIp], ["X-Forwarded-Port", "443"], ["X-Forwarded-Proto", "https"]);
  return [...request.headers, ...added];
}

export function queryPairs(url: URL): [string, string][] {
  return [...url.searchParams.entries()];
}

export function domainPrefixOf(domainName: string): string {
  return domainName.split(".")[0] ?? domainName;
}
