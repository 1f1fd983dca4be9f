/**
 * API Gateway numbers (AWS-FACTS C.5; https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html).
 */

/** Account-level throttle per Region, across REST, HTTP and WebSocket APIs. */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

/** REST: 50 ms to 29 s, default 29,000 ms (the SDK's timeoutInMillis doc). */
export const REST_DEFAULT_TIMEOUT_MS = 29_000;
export const REST_MIN_TIMEOUT_MS = 50;
export const REST_MAX_TIMEOUT_MS = 29_000;

/** HTTP APIs: 50 ms to 30 s, default 30 s (CreateIntegration TimeoutInMillis). */
export const HTTP_MAX_TIMEOUT_MS = 30_000;

export const MAX_STAGES_PER_API = 10;
export const MAX_STAGE_VARIABLE_NAME = 64;
export const MAX_STAGE_VARIABLE_VALUE = 512;

/** Stage cache TTL: default 300 s, at most 3,600 s (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html). */
export const DEFAULT_CACHE_TTL_SECONDS = 300;
export const MAX_CACHE_TTL_SECONDS = 3600;
/** The cache sizes in GB AWS offers (CreateStage's cacheClusterSize; default 0.5: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html). */
export const CACHE_CLUSTER_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] as const;
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number];
export const DEFAULT_CACHE_CLUSTER_SIZE: CacheClusterSize = "0.5";

/**
 * WebSocket APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html):
 * integration timeout 50 ms to 29 s, idle connections closed after 10 minutes, every connection after 2 hours,
 * frames up to 32 KB and messages up to 128 KB: "a message larger than 32 KB must be split into multiple frames,
 * each 32 KB or smaller. This applies to @connections commands. If a larger message (or larger frame size) is
 * received, the connection is closed with code 1009."
 */
export const WEBSOCKET_MAX_TIMEOUT_MS = 29_000;
export const WEBSOCKET_IDLE_TIMEOUT_MS = 10 * 60_000;
export const WEBSOCKET_MAX_DURATION_MS = 2 * 60 * 60_000;
export const WEBSOCKET_MAX_MESSAGE_BYTES = 128 * 1024;
export const WEBSOCKET_MAX_FRAME_BYTES = 32 * 1024;
