/**
 * The API Gateway model's state: REST APIs (resources, methods, integrations, deployments, stages) and
 * HTTP APIs (routes, integrations, stages). A deployment is a frozen copy of what it deployed, so only
 * deployed changes take effect ("You must deploy an API for changes to take effect",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-deploy-api.html).
 */
import type { CacheClusterSize } from "./apigateway-limits.ts";
import type { GatewayResponse } from "./requests/gateway-request.ts";

export type RestIntegration =
  /** Lambda proxy: `functionUri` is the function ARN (may hold `${stageVariables.x}`). */
  | { readonly type: "AWS_PROXY"; readonly functionUri: string; readonly timeoutMs: number; readonly cacheKeyParameters: readonly string[] }
  /**
   * No backend: the request template's `statusCode` picks an integration response, whose response
   * template is the body. Templates are used as literal text (no VTL evaluation is simulated).
   */
  | { readonly type: "MOCK"; readonly statusCode: string; readonly responses: Map<string, MockResponse>; readonly cacheKeyParameters: readonly string[] };

export interface MockResponse {
  readonly contentType: string;
  readonly body: string;
}

export interface RestMethod {
  readonly httpMethod: string;
  readonly authorizationType: string;
  readonly apiKeyRequired: boolean;
  /** With authorizationType CUSTOM: the Lambda authorizer. */
  readonly authorizerId: string | undefined;
  /** With COGNITO_USER_POOLS: an access token must carry one of these scopes (none: an ID token is expected). */
  readonly authorizationScopes: readonly string[];
  integration?: RestIntegration;
  /** Status codes declared with PutMethodResponse. */
  readonly methodResponses: Set<string>;
}

export interface RestResource {
  readonly id: string;
  readonly parentId: string | undefined;
  /** "" for the root. */
  readonly pathPart: string;
  /** "/" for the root, "/orders/{id}" below it. */
  readonly path: string;
  readonly methods: Map<string, RestMethod>;
}

export interface ThrottleLimits {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface RestStage {
  readonly stageName: string;
  deploymentId: string;
  variables: Record<string, string>;
  /** Method throttling by "resourcePath/METHOD" ("*\/*" for every method). */
  readonly methodThrottling: Map<string, ThrottleLimits>;
  /** The stage cache (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html). */
  cacheClusterEnabled: boolean;
  /** The cache's size in GB (what the cache hours cost; cache-cluster.ts). */
  cacheClusterSize: CacheClusterSize;
  /** Method caching by "resourcePath/METHOD" ("*\/*" for every method); without an entry: GET methods, 300 s. */
  readonly methodCaching: Map<string, MethodCaching>;
  /** Cached responses by cache key, until `expiresAt`. */
  readonly cache: Map<string, { readonly expiresAt: number; readonly response: GatewayResponse }>;
  readonly createdDate: number;
}

export interface MethodCaching {
  readonly enabled: boolean;
  readonly ttlSeconds: number;
  readonly requireAuthorizationForCacheControl: boolean;
}

export interface RestDeployment {
  readonly id: string;
  readonly createdDate: number;
  readonly description: string | undefined;
  /** The resources as they were when deployed. */
  readonly resources: readonly FrozenResource[];
  readonly authorizers: ReadonlyMap<string, RestApiAuthorizer>;
  readonly gatewayResponses: ReadonlyMap<string, CustomGatewayResponse>;
}

/** PutGatewayResponse: a status code, static headers and a body template for one response type. */
export interface CustomGatewayResponse {
  readonly statusCode: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly template: string | undefined;
}

export interface FrozenResource {
  readonly id: string;
  readonly path: string;
  readonly pathPart: string;
  readonly parentId: string | undefined;
  readonly methods: ReadonlyMap<string, Readonly<RestMethod>>;
}

export interface RestApi {
  readonly kind: "REST";
  readonly id: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly createdDate: number;
  readonly rootResourceId: string;
  readonly resources: Map<string, RestResource>;
  readonly deployments: Map<string, RestDeployment>;
  readonly stages: Map<string, RestStage>;
  readonly authorizers: Map<string, RestApiAuthorizer>;
  readonly gatewayResponses: Map<string, CustomGatewayResponse>;
}

/**
 * A Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html):
 * TOKEN (one header) or REQUEST (headers, query strings, stage variables named by identitySource).
 */
export interface RestAuthorizer {
  readonly id: string;
  readonly name: string;
  readonly type: "TOKEN" | "REQUEST";
  readonly functionUri: string;
  /** e.g. ["method.request.header.Authorization"]. */
  readonly identitySources: readonly string[];
  readonly ttlSeconds: number;
  /** Cached policies by identity (authorizer id + identity source values), until `expiresAt`. */
  readonly cache: Map<string, { readonly expiresAt: number; readonly output: AuthorizerOutput }>;
}

/**
 * A COGNITO_USER_POOLS authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html):
 * tokens of these user pools (issuer https://cognito-idp.{region}.amazonaws.com/{userPoolId}) in one header.
 */
export interface CognitoAuthorizer {
  readonly type: "COGNITO_USER_POOLS";
  readonly id: string;
  readonly name: string;
  readonly providerArns: readonly string[];
  /** The token's issuer for each user pool. */
  readonly issuers: readonly string[];
  /** e.g. "method.request.header.Authorization". */
  readonly identitySource: string;
}

export type RestApiAuthorizer = RestAuthorizer | CognitoAuthorizer;

export interface AuthorizerOutput {
  readonly principalId: string;
  readonly policyDocument: unknown;
  readonly context: Readonly<Record<string, string | number | boolean>>;
  readonly usageIdentifierKey?: string | undefined;
}

export type PayloadFormatVersion = "1.0" | "2.0";

export interface HttpIntegration {
  readonly id: string;
  readonly integrationType: "AWS_PROXY";
  readonly functionUri: string;
  readonly payloadFormatVersion: PayloadFormatVersion;
  readonly timeoutMs: number;
}

export interface HttpRoute {
  readonly id: string;
  /** "GET /orders/{id}", "ANY /{proxy+}" or "$default". */
  readonly routeKey: string;
  readonly target: string | undefined;
  /** With AuthorizationType CUSTOM: a Lambda REQUEST authorizer of the API; with JWT: a JWT authorizer. */
  readonly authorizerId: string | undefined;
  /** With a JWT authorizer: the token must carry at least one of these scopes (none: any valid token). */
  readonly authorizationScopes?: readonly string[] | undefined;
  /**
   * WebSocket routes: "$default" sends the integration's answer back to the client as a message; without it the
   * answer is dropped (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response-selection-expressions.html).
   */
  readonly routeResponseSelectionExpression?: string | undefined;
}

/** An HTTP API Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html). */
export interface HttpAuthorizer {
  readonly type: "REQUEST";
  readonly id: string;
  readonly name: string;
  readonly functionUri: string;
  readonly payloadFormatVersion: PayloadFormatVersion;
  readonly simpleResponses: boolean;
  /** e.g. ["$request.header.Authorization"]. */
  readonly identitySources: readonly string[];
  readonly ttlSeconds: number;
  readonly cache: Map<string, { readonly expiresAt: number; readonly output: unknown }>;
}

/** An HTTP API JWT authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html). */
export interface JwtAuthorizer {
  readonly type: "JWT";
  readonly id: string;
  readonly name: string;
  /** The `iss` every token must carry. */
  readonly issuer: string;
  /** A token's `aud` (or, without one, its `client_id`) must be one of these. */
  readonly audience: readonly string[];
  /** Where the token is: `$request.header.Authorization` (the value may start with "Bearer "). */
  readonly identitySource: string;
}

/**
 * A WebSocket API Lambda REQUEST authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html):
 * it runs once per connection, on `$connect`, and answers an IAM policy for the route ARN
 * `.../{apiId}/{stage}/$connect`. AuthorizerType REQUEST on the wire; its own tag here, so an HTTP route can never
 * run it. No result cache: AuthorizerResultTtlInSeconds is "supported only for HTTP API Lambda authorizers"
 * (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers.html), and a connection is
 * authorized once anyway.
 */
export interface WebSocketAuthorizer {
  readonly type: "WEBSOCKET_REQUEST";
  readonly id: string;
  readonly name: string;
  readonly functionUri: string;
  /** e.g. ["route.request.header.Auth", "route.request.querystring.token"]. */
  readonly identitySources: readonly string[];
  readonly ttlSeconds: 0;
  readonly cache: Map<string, { readonly expiresAt: number; readonly output: AuthorizerOutput }>;
}

export type HttpApiAuthorizer = HttpAuthorizer | JwtAuthorizer | WebSocketAuthorizer;

export interface HttpStage {
  readonly stageName: string;
  readonly autoDeploy: boolean;
  deploymentId: string | undefined;
  variables: Record<string, string>;
  readonly defaultRouteThrottling: ThrottleLimits | undefined;
  readonly routeThrottling: ReadonlyMap<string, ThrottleLimits>;
  readonly createdDate: number;
}

/** Routes and their integrations as deployed. */
export interface HttpSnapshot {
  readonly routes: readonly HttpRoute[];
  readonly integrations: ReadonlyMap<string, HttpIntegration>;
}

export interface HttpDeployment {
  readonly id: string;
  readonly createdDate: number;
  readonly snapshot: HttpSnapshot;
}

/** An API Gateway v2 API: an HTTP API, or a WebSocket API (routes picked from each message, clients stay connected). */
export interface HttpApi {
  readonly kind: "HTTP";
  readonly protocolType: "HTTP" | "WEBSOCKET";
  /** "${request.method} ${request.path}" for HTTP APIs; e.g. "$request.body.action" for WebSocket APIs. */
  readonly routeSelectionExpression: string;
  readonly id: string;
  readonly name: string;
  readonly createdDate: number;
  readonly routes: Map<string, HttpRoute>;
  readonly integrations: Map<string, HttpIntegration>;
  readonly deployments: Map<string, HttpDeployment>;
  readonly stages: Map<string, HttpStage>;
  readonly authorizers: Map<string, HttpApiAuthorizer>;
}

export type AnyApi = RestApi | HttpApi;

/** An API key (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html). */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
  readonly createdDate: number;
}

export type QuotaPeriod = "DAY" | "WEEK" | "MONTH";

export interface UsagePlan {
  readonly id: string;
  readonly name: string;
  /** "apiId/stage" of each API stage the plan covers. */
  readonly apiStages: readonly { readonly apiId: string; readonly stage: string }[];
  readonly throttle: ThrottleLimits | undefined;
  readonly quota: { readonly limit: number; readonly offset: number; readonly period: QuotaPeriod } | undefined;
  readonly keyIds: Set<string>;
  readonly createdDate: number;
  /** Requests counted against the quota: per key id, the times (epoch ms) of admitted requests. */
  readonly usage: Map<string, number[]>;
}
