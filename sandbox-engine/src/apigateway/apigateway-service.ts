/**
 * `sb.apigateway`: the API Gateway model. Operations take SDK-shaped requests (@aws-sdk/client-api-gateway
 * members for REST APIs; @aws-sdk/client-apigatewayv2 members under `v2` for HTTP APIs), validate them at
 * run time and return Outcomes. Calling the APIs: `sb.apigateway.fetch` (http-service.ts).
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import type { DeliveryTargets } from "../core/delivery.ts";
import type { World } from "../world/world.ts";
import { apiGatewayBill, type ApiGatewayBill } from "./api-gateway-bill.ts";
import { apiMetrics, type ApiMetrics } from "./api-metrics.ts";
import { webSocketApiMetrics, type WebSocketApiMetrics } from "./websocket/websocket-metrics.ts";
import type { ApiGatewayContext } from "./apigateway-context.ts";
import type { ApiGatewayOutcome } from "./apigateway-faults.ts";
import { ACCOUNT_BURST_LIMIT, ACCOUNT_RATE_LIMIT } from "./apigateway-limits.ts";
import { createAuthorizer, type AuthorizerSummary } from "./operations/create-authorizer.ts";
import { createDeployment, type DeploymentSummary } from "./operations/create-deployment.ts";
import { createResource, type ResourceSummary } from "./operations/create-resource.ts";
import { createRestApi, type RestApiSummary } from "./operations/create-rest-api.ts";
import { createStage, getStage, type StageSummary } from "./operations/create-stage.ts";
import { deleteResource } from "./operations/delete-resource.ts";
import { flushStageCache } from "./operations/flush-stage-cache.ts";
import { putGatewayResponse, type GatewayResponseSummary } from "./operations/put-gateway-response.ts";
import { getResources } from "./operations/get-resources.ts";
import { getRestApis } from "./operations/get-rest-apis.ts";
import { putIntegration, type IntegrationSummary } from "./operations/put-integration.ts";
import { putIntegrationResponse } from "./operations/put-integration-response.ts";
import { putMethod, type MethodSummary } from "./operations/put-method.ts";
import { putMethodResponse } from "./operations/put-method-response.ts";
import { updateStage } from "./operations/update-stage.ts";
import { createApiKey, getApiKeys, type ApiKeySummary } from "./operations/usage-plans/create-api-key.ts";
import { createUsagePlan, type UsagePlanSummary } from "./operations/usage-plans/create-usage-plan.ts";
import { createUsagePlanKey } from "./operations/usage-plans/create-usage-plan-key.ts";
import { getUsage } from "./operations/usage-plans/get-usage.ts";
import { createApi, type HttpApiSummary } from "./operations/v2/create-api.ts";
import { createHttpAuthorizer, type HttpAuthorizerSummary } from "./operations/v2/create-authorizer.ts";
import { createHttpDeployment } from "./operations/v2/create-deployment.ts";
import { createIntegration, type HttpIntegrationSummary } from "./operations/v2/create-integration.ts";
import { createRoute, type RouteSummary } from "./operations/v2/create-route.ts";
import { createHttpStage, type HttpStageSummary } from "./operations/v2/create-stage.ts";
import { deleteConnection, getConnection, postToConnection, type ConnectionSummary } from "./operations/v2/connections.ts";
import { getApis } from "./operations/v2/get-apis.ts";
import { createHttp } from "./http-service.ts";
import { apiIdOf, executeApi } from "./requests/execute-api.ts";
import { createTokenBucket } from "./throttling/token-bucket.ts";
import type { WebSocketClient } from "./websocket/websocket-client.ts";
import { connectWebSocket, type ConnectOptions } from "./websocket/websocket-gateway.ts";
import { webSocketUsageNow } from "./websocket/websocket-meter.ts";

/**
 * HTTP and WebSocket APIs (@aws-sdk/client-apigatewayv2 names and members), and the @connections management API
 * of a WebSocket API (@aws-sdk/client-apigatewaymanagementapi members plus `ApiId`, the API its endpoint names).
 */
export interface ApiGatewayV2Operations {
  createApi(input: unknown): ApiGatewayOutcome<HttpApiSummary>;
  getApis(input?: unknown): ApiGatewayOutcome<{ Items: HttpApiSummary[] }>;
  createIntegration(input: unknown): ApiGatewayOutcome<HttpIntegrationSummary>;
  createRoute(input: unknown): ApiGatewayOutcome<RouteSummary>;
  createStage(input: unknown): ApiGatewayOutcome<HttpStageSummary>;
  createDeployment(input: unknown): ApiGatewayOutcome<{ DeploymentId: string; DeploymentStatus: "DEPLOYED"; CreatedDate: Date }>;
  createAuthorizer(input: unknown): ApiGatewayOutcome<HttpAuthorizerSummary>;
  postToConnection(input: unknown): ApiGatewayOutcome<Record<string, never>>;
  getConnection(input: unknown): ApiGatewayOutcome<ConnectionSummary>;
  deleteConnection(input: unknown): ApiGatewayOutcome<Record<string, never>>;
}

export interface ApiGatewayService {
  createRestApi(input: unknown): ApiGatewayOutcome<RestApiSummary>;
  getRestApis(input?: unknown): ApiGatewayOutcome<{ items: RestApiSummary[] }>;
  createResource(input: unknown): ApiGatewayOutcome<ResourceSummary>;
  getResources(input: unknown): ApiGatewayOutcome<{ items: ResourceSummary[] }>;
  deleteResource(input: unknown): ApiGatewayOutcome<Record<string, never>>;
  putMethod(input: unknown): ApiGatewayOutcome<MethodSummary>;
  putMethodResponse(input: unknown): ApiGatewayOutcome<{ statusCode: string }>;
  putIntegration(input: unknown): ApiGatewayOutcome<IntegrationSummary>;
  putIntegrationResponse(input: unknown): ApiGatewayOutcome<{ statusCode: string; responseTemplates?: Record<string, string> }>;
  createDeployment(input: unknown): ApiGatewayOutcome<DeploymentSummary>;
  createStage(input: unknown): ApiGatewayOutcome<StageSummary>;
  getStage(input: unknown): ApiGatewayOutcome<StageSummary>;
  updateStage(input: unknown): ApiGatewayOutcome<StageSummary>;
  createApiKey(input: unknown): ApiGatewayOutcome<ApiKeySummary>;
  getApiKeys(input?: unknown): ApiGatewayOutcome<{ items: ApiKeySummary[] }>;
  createUsagePlan(input: unknown): ApiGatewayOutcome<UsagePlanSummary>;
  createUsagePlanKey(input: unknown): ApiGatewayOutcome<{ id: string; type: "API_KEY"; name: string; value: string }>;
  getUsage(input: unknown): ApiGatewayOutcome<{ usagePlanId: string; startDate: string; endDate: string; items: Record<string, [number, number][]> }>;
  createAuthorizer(input: unknown): ApiGatewayOutcome<AuthorizerSummary>;
  flushStageCache(input: unknown): ApiGatewayOutcome<Record<string, never>>;
  putGatewayResponse(input: unknown): ApiGatewayOutcome<GatewayResponseSummary>;
  /**
   * Metrics of an API (one stage, if given); datapoints per `periodSeconds` (default 60). REST and HTTP APIs: Count,
   * Latency, 4XXError, 5XXError, CacheHitCount, CacheMissCount; WebSocket APIs: ConnectCount, MessageCount,
   * IntegrationError, ClientError, ExecutionError, IntegrationLatency. `protocol` says which.
   */
  metrics(apiId: string, options?: { stage?: string; periodSeconds?: number }): ApiMetrics | WebSocketApiMetrics;
  /** Requests billed per API at AWS list prices (REST $3.50, HTTP $1.00 per million). */
  bill(): ApiGatewayBill;
  readonly v2: ApiGatewayV2Operations;
  /** Calls one of the sandbox's APIs at its execute-api URL; a Fetch `Response` (http-service.ts). */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Would `fetch` answer this URL (an execute-api URL of this sandbox's Region)? */
  answers(input: string | URL | Request): boolean;
  /**
   * Opens a WebSocket connection to a stage of a WebSocket API (`wss://{apiId}.execute-api.{region}.amazonaws.com/{stage}`),
   * as a client would; rejects with `WebSocketRefused` ("Unexpected server response: 403") when API Gateway refuses it.
   */
  connect(url: string | URL, options?: ConnectOptions): Promise<WebSocketClient>;
}

export interface ApiGatewayDeps extends ServiceDeps {
  readonly targets: DeliveryTargets;
  readonly world: World;
}

export function createApiGateway(deps: ApiGatewayDeps): { service: ApiGatewayService } {
  const context: ApiGatewayContext = {
    clock: deps.clock,
    trace: deps.trace,
    targets: deps.targets,
    region: deps.region,
    accountId: deps.accountId,
    identity: deps.world.identity,
    ids: deps.random.fork("apigateway"),
    requestIds: deps.random.fork("apigateway-requests"),
    apis: new Map(),
    apiKeys: new Map(),
    usagePlans: new Map(),
    accountBucket: createTokenBucket(ACCOUNT_RATE_LIMIT, ACCOUNT_BURST_LIMIT, deps.clock.now()),
    buckets: new Map(),
    connections: new Map(),
    requests: [],
    webSocketRecords: [],
    webSocketUsage: new Map(),
    cacheClusters: [],
  };
  const http = createHttp({ answers: (url) => apiIdOf(context, url) !== undefined, execute: (request) => executeApi(context, request) });
  const service: ApiGatewayService = {
    createRestApi: (input) => createRestApi(context, input),
    getRestApis: () => getRestApis(context),
    createResource: (input) => createResource(context, input),
    getResources: (input) => getResources(context, input),
    deleteResource: (input) => deleteResource(context, input),
    putMethod: (input) => putMethod(context, input),
    putMethodResponse: (input) => putMethodResponse(context, input),
    putIntegration: (input) => putIntegration(context, input),
    putIntegrationResponse: (input) => putIntegrationResponse(context, input),
    createDeployment: (input) => createDeployment(context, input),
    createStage: (input) => createStage(context, input),
    getStage: (input) => getStage(context, input),
    updateStage: (input) => updateStage(context, input),
    createApiKey: (input) => createApiKey(context, input),
    getApiKeys: (input) => getApiKeys(context, input),
    createUsagePlan: (input) => createUsagePlan(context, input),
    createUsagePlanKey: (input) => createUsagePlanKey(context, input),
    getUsage: (input) => getUsage(context, input),
    createAuthorizer: (input) => createAuthorizer(context, input),
    flushStageCache: (input) => flushStageCache(context, input),
    putGatewayResponse: (input) => putGatewayResponse(context, input),
    metrics(apiId, options = {}) {
      const periodSeconds = options.periodSeconds ?? 60;
      if (!Number.isFinite(periodSeconds) || periodSeconds <= 0) throw new RangeError("metrics: periodSeconds must be > 0");
      const api = context.apis.get(apiId);
      if (api?.kind === "HTTP" && api.protocolType === "WEBSOCKET") return webSocketApiMetrics(context.webSocketRecords, apiId, options.stage, periodSeconds * 1000);
      return apiMetrics(context.requests, apiId, api?.kind ?? "REST", options.stage, periodSeconds * 1000);
    },
    bill: () => apiGatewayBill({ requests: context.requests, webSocket: webSocketUsageNow(context), cacheClusters: context.cacheClusters, now: context.clock.now() }),
    v2: Object.freeze({
      createApi: (input: unknown) => createApi(context, input),
      getApis: () => getApis(context),
      createIntegration: (input: unknown) => createIntegration(context, input),
      createRoute: (input: unknown) => createRoute(context, input),
      createStage: (input: unknown) => createHttpStage(context, input),
      createDeployment: (input: unknown) => createHttpDeployment(context, input),
      createAuthorizer: (input: unknown) => createHttpAuthorizer(context, input),
      postToConnection: (input: unknown) => postToConnection(context, input),
      getConnection: (input: unknown) => getConnection(context, input),
      deleteConnection: (input: unknown) => deleteConnection(context, input),
    }),
    fetch: (input, init) => http.fetch(input, init),
    answers: (input) => http.answers(input),
    connect: (url, options) => connectWebSocket(context, url, options),
  };
  return { service: Object.freeze(service) };
}
