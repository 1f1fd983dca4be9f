/** The state of one sandbox's API Gateway: every API by id, and what requests share (ids, throttles). */
import type { Clock } from "../clock/virtual-clock.ts";
import type { DeliveryTargets } from "../core/delivery.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";
import type { WorldIdentity } from "../world/identity.ts";
import type { AnyApi, ApiKey, UsagePlan } from "./apigateway-types.ts";
import type { CacheClusterSize } from "./apigateway-limits.ts";
import type { TokenBucket } from "./throttling/token-bucket.ts";
import type { WebSocketConnection } from "./websocket/websocket-connection.ts";

export interface ApiGatewayContext {
  readonly clock: Clock;
  readonly trace: Trace;
  readonly targets: DeliveryTargets;
  readonly region: string;
  readonly accountId: string;
  /** The token issuers JWT authorizers trust (their key sets): sb.world.identity. */
  readonly identity: WorldIdentity;
  /** Ids of APIs, resources, deployments. */
  readonly ids: SeededRandom;
  /** Request ids of calls to the APIs (a fork, so calling an API does not shift resource ids). */
  readonly requestIds: SeededRandom;
  readonly apis: Map<string, AnyApi>;
  readonly apiKeys: Map<string, ApiKey>;
  readonly usagePlans: Map<string, UsagePlan>;
  /** The account-level bucket, then one per stage/method or route, keyed by what it limits. */
  readonly accountBucket: TokenBucket;
  readonly buckets: Map<string, TokenBucket>;
  /** Open (and opening) WebSocket connections by connection id; a closed one is removed. */
  readonly connections: Map<string, WebSocketConnection>;
  /** One record per request answered: what the metrics are computed from. */
  readonly requests: RequestRecord[];
  /** WebSocket messages, client errors and integration calls: what the WebSocket metrics are computed from. */
  readonly webSocketRecords: WebSocketMetricRecord[];
  /** WebSocket messages (in 32 KB units) and connection minutes of ended connections, by API id: what the bill counts. */
  readonly webSocketUsage: Map<string, WebSocketUsage>;
  /** When each REST stage's cache cluster ran, at which size: what the bill counts. */
  readonly cacheClusters: CacheClusterPeriod[];
}

/** A stretch of time one REST stage's cache cluster ran at one size; `until` undefined while it still runs. */
export interface CacheClusterPeriod {
  readonly apiId: string;
  readonly stage: string;
  readonly size: CacheClusterSize;
  readonly from: number;
  until: number | undefined;
}

export interface WebSocketUsage {
  messages: number;
  connectionMinutes: number;
}

export interface RequestRecord {
  readonly apiId: string;
  readonly protocol: "REST" | "HTTP";
  /** Whether the request counts on the bill (api-gateway-bill.ts). */
  readonly billed: boolean;
  readonly stage: string;
  readonly time: number;
  readonly status: number;
  readonly latencyMs: number;
  readonly cache: "hit" | "miss" | "refresh" | undefined;
}

/** What the WebSocket metrics count (websocket/websocket-metrics.ts): a message, a client error, an integration call. */
export type WebSocketMetricRecord = { readonly apiId: string; readonly stage: string; readonly time: number } & (
  | { readonly kind: "message" }
  | { readonly kind: "client-error" }
  | { readonly kind: "integration"; readonly routeKey: string; readonly outcome: IntegrationOutcome; readonly latencyMs: number | undefined }
);

export type IntegrationOutcome = "answered" | "integration-error" | "execution-error";

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A lowercase alphanumeric id like AWS's ("a1b2c3d4e5" for APIs, 6 characters for resources). */
export function newId(context: ApiGatewayContext, length: number): string {
  let id = "";
  for (let i = 0; i < length; i++) id += ID_ALPHABET[context.ids.int(0, ID_ALPHABET.length - 1)];
  return id;
}

export function apiHost(context: ApiGatewayContext, apiId: string): string {
  return `${apiId}.execute-api.${context.region}.amazonaws.com`;
}

/** The execute-api ARN of a method (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html). */
export function executeApiArn(context: ApiGatewayContext, apiId: string, stage: string, method: string, resourcePath: string): string {
  return `arn:aws:execute-api:${context.region}:${context.accountId}:${apiId}/${stage}/${method}${resourcePath}`;
}
