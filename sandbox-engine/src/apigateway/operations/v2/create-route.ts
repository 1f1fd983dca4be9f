/**
 * CreateRoute (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html): a route key
 * "METHOD /path" (path variables `{id}`, a greedy `{proxy+}` last; METHOD may be ANY) or "$default", and its
 * Target "integrations/{IntegrationId}"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html). WebSocket APIs:
 * "$connect", "$disconnect", "$default" or a custom key that the route selection expression yields
 * ("sendMessage"); RouteResponseSelectionExpression "$default" to send the
 * integration's answer back to the client
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, conflict, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { findHttpApi } from "./http-lookup.ts";

const ROUTE_KEY = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) (\/|(\/(?:[A-Za-z0-9._~:@!$&'()*,;=-]+|\{[A-Za-z0-9_-]+\}))*(\/\{[A-Za-z0-9_-]+\+\})?)$/;

export interface RouteSummary {
  RouteId: string;
  RouteKey: string;
  Target?: string;
  AuthorizationType: "NONE" | "CUSTOM" | "JWT";
  AuthorizationScopes?: string[];
  AuthorizerId?: string;
  ApiKeyRequired: false;
  RouteResponseSelectionExpression?: string;
}

const WEBSOCKET_ROUTE_KEY = /^(\$connect|\$disconnect|\$default|[^$\s][^\s]{0,127})$/;

/** Why `routeKey` is not a route key of an API of `protocolType`, or undefined when it is one. */
function routeKeyError(protocolType: "HTTP" | "WEBSOCKET", routeKey: unknown): string | undefined {
  if (protocolType === "WEBSOCKET") {
    return typeof routeKey === "string" && WEBSOCKET_ROUTE_KEY.test(routeKey)
      ? undefined
      : `Unable to create route ${String(routeKey)}. Route key must be $connect, $disconnect, $default or a custom key without spaces, like sendMessage`;
  }
  return typeof routeKey === "string" && (routeKey === "$default" || ROUTE_KEY.test(routeKey))
    ? undefined
    : `Unable to create route ${String(routeKey)}. Route key must be $default or an HTTP method followed by a path, like GET /orders/{id}`;
}

export function createRoute(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<RouteSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  const routeKey = params.RouteKey;
  const keyError = routeKeyError(api.value.protocolType, routeKey);
  if (keyError !== undefined || typeof routeKey !== "string") return badRequest(keyError ?? "RouteKey is required");
  if ([...api.value.routes.values()].some((route) => route.routeKey === routeKey)) return conflict(`Unable to create route ${routeKey}. Route with the same key already exists`);
  let target: string | undefined;
  if (params.Target !== undefined) {
    const integrationId = typeof params.Target === "string" ? /^integrations\/(.+)$/.exec(params.Target)?.[1] : undefined;
    if (integrationId === undefined || !api.value.integrations.has(integrationId)) return badRequest(`Invalid target ${String(params.Target)}: expected integrations/{IntegrationId} of this API`);
    target = params.Target as string;
  }
  const authorizationType = params.AuthorizationType ?? "NONE";
  if (authorizationType !== "NONE" && authorizationType !== "CUSTOM" && authorizationType !== "JWT") return badRequest(`AuthorizationType ${String(authorizationType)} is not simulated yet; use NONE, CUSTOM (a Lambda authorizer) or JWT`);
  // WebSocket APIs authorize once per connection, on $connect, with a Lambda REQUEST authorizer
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html).
  const webSocket = api.value.protocolType === "WEBSOCKET";
  if (webSocket && authorizationType !== "NONE" && routeKey !== "$connect") return badRequest("Authorization is only supported on the $connect route of a WebSocket API");
  if (webSocket && authorizationType === "JWT") return badRequest("JWT authorizers are supported only for HTTP APIs: a WebSocket $connect route takes AuthorizationType CUSTOM (a Lambda REQUEST authorizer)");
  const authorizerId = authorizationType !== "NONE" && typeof params.AuthorizerId === "string" ? params.AuthorizerId : undefined;
  const authorizer = authorizerId === undefined ? undefined : api.value.authorizers.get(authorizerId);
  const wanted = authorizationType === "JWT" ? "JWT" : webSocket ? "WEBSOCKET_REQUEST" : "REQUEST";
  if (authorizationType !== "NONE" && authorizer?.type !== wanted) {
    return badRequest(`Invalid authorizer id specified: a ${authorizationType} route needs the AuthorizerId of a ${wanted === "JWT" ? "JWT" : "Lambda (REQUEST)"} authorizer of this API`);
  }
  const scopes = params.AuthorizationScopes === undefined ? [] : params.AuthorizationScopes;
  if (!Array.isArray(scopes) || !scopes.every((scope): scope is string => typeof scope === "string")) return badRequest("AuthorizationScopes must be a list of scope names");
  if (scopes.length > 0 && authorizationType !== "JWT") return badRequest("AuthorizationScopes are supported only for JWT authorizers");
  const responseSelection = params.RouteResponseSelectionExpression;
  if (responseSelection !== undefined && (api.value.protocolType !== "WEBSOCKET" || responseSelection !== "$default")) {
    return badRequest(`Invalid RouteResponseSelectionExpression ${String(responseSelection)}: only $default, and only on WebSocket routes, is supported`);
  }
  const route = { id: newId(context, 7), routeKey, target, authorizerId, authorizationScopes: scopes, routeResponseSelectionExpression: responseSelection === "$default" ? "$default" : undefined };
  api.value.routes.set(route.id, route);
  return ok({
    RouteId: route.id,
    RouteKey: routeKey,
    ...(target === undefined ? {} : { Target: target }),
    AuthorizationType: authorizerId === undefined ? "NONE" : authorizationType,
    ...(scopes.length === 0 ? {} : { AuthorizationScopes: [...scopes] }),
    ...(authorizerId === undefined ? {} : { AuthorizerId: authorizerId }),
    ApiKeyRequired: false,
    ...(route.routeResponseSelectionExpression === undefined ? {} : { RouteResponseSelectionExpression: route.routeResponseSelectionExpression }),
  });
}
