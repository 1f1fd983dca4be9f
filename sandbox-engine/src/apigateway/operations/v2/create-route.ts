/**
 * CreateRoute (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html): a route key
 * "METHOD /path" (path variables `{id}`, a greedy `{proxy+}` last; METHOD may be ANY) or "$default", and its
 * Target "integrations/{IntegrationId}"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
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
  AuthorizationType: "NONE" | "CUSTOM";
  AuthorizerId?: string;
  ApiKeyRequired: false;
}

export function createRoute(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<RouteSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  const routeKey = params.RouteKey;
  if (typeof routeKey !== "string" || (routeKey !== "$default" && !ROUTE_KEY.test(routeKey))) {
    return badRequest(`Unable to create route ${String(routeKey)}. Route key must be $default or an HTTP method followed by a path, like GET /orders/{id}`);
  }
  if ([...api.value.routes.values()].some((route) => route.routeKey === routeKey)) return conflict(`Unable to create route ${routeKey}. Route with the same key already exists`);
  let target: string | undefined;
  if (params.Target !== undefined) {
    const integrationId = typeof params.Target === "string" ? /^integrations\/(.+)$/.exec(params.Target)?.[1] : undefined;
    if (integrationId === undefined || !api.value.integrations.has(integrationId)) return badRequest(`Invalid target ${String(params.Target)}: expected integrations/{IntegrationId} of this API`);
    target = params.Target as string;
  }
  const authorizationType = params.AuthorizationType ?? "NONE";
  if (authorizationType !== "NONE" && authorizationType !== "CUSTOM") return badRequest(`AuthorizationType ${String(authorizationType)} is not simulated yet; use NONE or CUSTOM (a Lambda authorizer)`);
  const authorizerId = authorizationType === "CUSTOM" && typeof params.AuthorizerId === "string" ? params.AuthorizerId : undefined;
  if (authorizationType === "CUSTOM" && (authorizerId === undefined || !api.value.authorizers.has(authorizerId))) return badRequest("Invalid authorizer id specified: a CUSTOM route needs the AuthorizerId of a Lambda authorizer of this API");
  const route = { id: newId(context, 7), routeKey, target, authorizerId };
  api.value.routes.set(route.id, route);
  return ok({
    RouteId: route.id,
    RouteKey: routeKey,
    ...(target === undefined ? {} : { Target: target }),
    AuthorizationType: authorizerId === undefined ? "NONE" : "CUSTOM",
    ...(authorizerId === undefined ? {} : { AuthorizerId: authorizerId }),
    ApiKeyRequired: false,
  });
}
