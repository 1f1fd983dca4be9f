/**
 * CreateAuthorizer for HTTP APIs (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers.html),
 * AuthorizerType REQUEST (a Lambda function): AuthorizerPayloadFormatVersion 1.0 or 2.0 (required), EnableSimpleResponses
 * (2.0 only), IdentitySource (`$request.header.X`, `$request.querystring.x`, `$stageVariables.x`), TTL 0 to 3,600 s
 * (default 0: decision, the API reference gives no default; caching then needs an identity source). AuthorizerType
 * JWT: JwtConfiguration `Issuer` (an https URL) and `Audience` (one or more), IdentitySource one header (default
 * `$request.header.Authorization`); tokens come from an issuer such as `sb.world.identity.issueJwt`.
 * WebSocket APIs take REQUEST authorizers only
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html), with
 * identity sources `route.request.header.X`, `route.request.querystring.X` or `stageVariables.X` (the API
 * reference's IdentitySource; `context.X` is not simulated); payload format, simple responses and a result TTL are
 * HTTP API settings, so a WebSocket authorizer given one is refused rather than silently ignored (decision).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpAuthorizer, JwtAuthorizer, WebSocketAuthorizer } from "../../apigateway-types.ts";
import { lambdaFunctionOfUri } from "../../requests/lambda-uri.ts";
import { findHttpApi } from "./http-lookup.ts";

const SOURCE = /^\$(request\.(header|querystring)|stageVariables)\.[A-Za-z0-9_.-]+$/;
const WEBSOCKET_SOURCE = /^(route\.request\.(header|querystring)|stageVariables)\.[A-Za-z0-9_.-]+$/;

export type HttpAuthorizerSummary =
  | {
      AuthorizerId: string;
      Name: string;
      AuthorizerType: "REQUEST";
      AuthorizerUri: string;
      AuthorizerPayloadFormatVersion: string;
      EnableSimpleResponses: boolean;
      IdentitySource: string[];
      AuthorizerResultTtlInSeconds: number;
    }
  | { AuthorizerId: string; Name: string; AuthorizerType: "JWT"; IdentitySource: string[]; JwtConfiguration: { Issuer: string; Audience: string[] } }
  | { AuthorizerId: string; Name: string; AuthorizerType: "REQUEST"; AuthorizerUri: string; IdentitySource: string[] };

function createWebSocketAuthorizer(context: ApiGatewayContext, authorizers: Map<string, unknown>, name: string, params: Record<string, unknown>): ApiGatewayOutcome<HttpAuthorizerSummary> {
  if (params.AuthorizerType !== "REQUEST") return badRequest(`Invalid authorizer type ${String(params.AuthorizerType)}. WebSocket APIs support REQUEST authorizers only`);
  if (typeof params.AuthorizerUri !== "string" || lambdaFunctionOfUri(params.AuthorizerUri) === undefined) return badRequest("Invalid authorizer URI specified");
  for (const setting of ["AuthorizerPayloadFormatVersion", "EnableSimpleResponses", "AuthorizerResultTtlInSeconds"]) {
    if (params[setting] !== undefined && !(setting === "AuthorizerResultTtlInSeconds" && params[setting] === 0)) return badRequest(`${setting} is supported only for HTTP API Lambda authorizers, not WebSocket APIs`);
  }
  const sources = Array.isArray(params.IdentitySource) ? (params.IdentitySource as unknown[]) : [];
  if (!sources.every((source): source is string => typeof source === "string" && WEBSOCKET_SOURCE.test(source))) {
    return badRequest(`Invalid identity source specified: ${JSON.stringify(sources)}. WebSocket identity sources look like route.request.header.Auth, route.request.querystring.token or stageVariables.name`);
  }
  const authorizer: WebSocketAuthorizer = { type: "WEBSOCKET_REQUEST", id: newId(context, 6), name, functionUri: params.AuthorizerUri, identitySources: sources, ttlSeconds: 0, cache: new Map() };
  authorizers.set(authorizer.id, authorizer);
  return ok({ AuthorizerId: authorizer.id, Name: name, AuthorizerType: "REQUEST", AuthorizerUri: authorizer.functionUri, IdentitySource: [...sources] });
}

function createJwtAuthorizer(context: ApiGatewayContext, authorizers: Map<string, unknown>, name: string, params: Record<string, unknown>): ApiGatewayOutcome<HttpAuthorizerSummary> {
  const config = typeof params.JwtConfiguration === "object" && params.JwtConfiguration !== null ? (params.JwtConfiguration as Record<string, unknown>) : {};
  const issuer = config.Issuer;
  if (typeof issuer !== "string" || !/^https:\/\/[^\s?#]+$/.test(issuer)) return badRequest("JwtConfiguration.Issuer is required for JWT authorizers: the https URL of the token issuer");
  const audience = Array.isArray(config.Audience) ? (config.Audience as unknown[]) : [];
  if (audience.length === 0 || !audience.every((entry): entry is string => typeof entry === "string" && entry !== "")) return badRequest("JwtConfiguration.Audience is required for JWT authorizers: one or more audiences");
  const sources = Array.isArray(params.IdentitySource) ? (params.IdentitySource as unknown[]) : ["$request.header.Authorization"];
  const source = sources[0];
  if (sources.length !== 1 || typeof source !== "string" || !/^\$request\.header\.[A-Za-z0-9_-]+$/.test(source)) return badRequest("A JWT authorizer takes one identity source, a header such as $request.header.Authorization");
  const authorizer: JwtAuthorizer = { type: "JWT", id: newId(context, 6), name, issuer, audience, identitySource: source };
  authorizers.set(authorizer.id, authorizer);
  return ok({ AuthorizerId: authorizer.id, Name: name, AuthorizerType: "JWT", IdentitySource: [source], JwtConfiguration: { Issuer: issuer, Audience: [...audience] } });
}

export function createHttpAuthorizer(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpAuthorizerSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  if (typeof params.Name !== "string" || params.Name === "") return badRequest("Name is required");
  if (api.value.protocolType === "WEBSOCKET") return createWebSocketAuthorizer(context, api.value.authorizers, params.Name, params);
  if (params.AuthorizerType === "JWT") return createJwtAuthorizer(context, api.value.authorizers, params.Name, params);
  if (params.AuthorizerType !== "REQUEST") return badRequest(`Invalid authorizer type ${String(params.AuthorizerType)}. Valid values are REQUEST, JWT`);
  if (typeof params.AuthorizerUri !== "string" || lambdaFunctionOfUri(params.AuthorizerUri) === undefined) return badRequest("Invalid authorizer URI specified");
  const version = params.AuthorizerPayloadFormatVersion;
  if (version !== "1.0" && version !== "2.0") return badRequest("AuthorizerPayloadFormatVersion is required for REQUEST authorizers and must be 1.0 or 2.0");
  if (params.EnableSimpleResponses === true && version !== "2.0") return badRequest("Simple responses are only supported for payload format version 2.0");
  const sources = Array.isArray(params.IdentitySource) ? (params.IdentitySource as unknown[]) : [];
  if (!sources.every((source): source is string => typeof source === "string" && SOURCE.test(source))) return badRequest(`Invalid identity source specified: ${JSON.stringify(sources)}`);
  const ttl = params.AuthorizerResultTtlInSeconds ?? 0;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600) return badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600");
  if (ttl > 0 && sources.length === 0) return badRequest("Identity source is required when authorizer caching is enabled");
  const authorizer: HttpAuthorizer = {
    type: "REQUEST",
    id: newId(context, 6),
    name: params.Name,
    functionUri: params.AuthorizerUri,
    payloadFormatVersion: version,
    simpleResponses: params.EnableSimpleResponses === true,
    identitySources: sources,
    ttlSeconds: ttl,
    cache: new Map(),
  };
  api.value.authorizers.set(authorizer.id, authorizer);
  return ok({
    AuthorizerId: authorizer.id,
    Name: authorizer.name,
    AuthorizerType: "REQUEST",
    AuthorizerUri: authorizer.functionUri,
    AuthorizerPayloadFormatVersion: version,
    EnableSimpleResponses: authorizer.simpleResponses,
    IdentitySource: [...sources],
    AuthorizerResultTtlInSeconds: ttl,
  });
}
