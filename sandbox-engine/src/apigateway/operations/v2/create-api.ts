/**
 * CreateApi (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html#CreateApi), ProtocolType
 * HTTP or WEBSOCKET. A WebSocket API needs a RouteSelectionExpression (`$request.body.action`, ...): "the
 * expression is evaluated against each incoming message to pick its route"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html); its endpoint
 * is wss://, HTTP APIs' https://.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { apiHost, newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpApi } from "../../apigateway-types.ts";
import { parseRouteSelectionExpression } from "../../websocket/route-selection.ts";

const HTTP_ROUTE_SELECTION = "${request.method} ${request.path}";

export interface HttpApiSummary {
  ApiId: string;
  Name: string;
  ProtocolType: "HTTP" | "WEBSOCKET";
  ApiEndpoint: string;
  RouteSelectionExpression: string;
  ApiKeySelectionExpression: "$request.header.x-api-key";
  CreatedDate: Date;
}

export function summarizeHttpApi(context: ApiGatewayContext, api: HttpApi): HttpApiSummary {
  return {
    ApiId: api.id,
    Name: api.name,
    ProtocolType: api.protocolType,
    ApiEndpoint: `${api.protocolType === "WEBSOCKET" ? "wss" : "https"}://${apiHost(context, api.id)}`,
    RouteSelectionExpression: api.routeSelectionExpression,
    ApiKeySelectionExpression: "$request.header.x-api-key",
    CreatedDate: new Date(api.createdDate),
  };
}

export function createApi(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpApiSummary> {
  const params = asParams(input);
  if (typeof params.Name !== "string" || params.Name === "") return badRequest("Name is required", "CreateApi needs a Name.");
  const protocolType = params.ProtocolType;
  if (protocolType !== "HTTP" && protocolType !== "WEBSOCKET") return badRequest(`Invalid protocol type ${String(protocolType)}. Valid values are HTTP, WEBSOCKET`);
  let routeSelectionExpression = HTTP_ROUTE_SELECTION;
  if (protocolType === "WEBSOCKET") {
    if (typeof params.RouteSelectionExpression !== "string") {
      return badRequest("RouteSelectionExpression is required for WEBSOCKET APIs", "For example $request.body.action: the action member of each JSON message picks its route.");
    }
    if (parseRouteSelectionExpression(params.RouteSelectionExpression) === undefined) {
      return badRequest(`Invalid route selection expression ${params.RouteSelectionExpression}. Expected an expression like $request.body.action or \${request.body.action}`);
    }
    routeSelectionExpression = params.RouteSelectionExpression;
  } else if (params.RouteSelectionExpression !== undefined && params.RouteSelectionExpression !== HTTP_ROUTE_SELECTION) {
    return badRequest(`Invalid route selection expression for an HTTP API: only ${HTTP_ROUTE_SELECTION} is supported`);
  }
  const api: HttpApi = {
    kind: "HTTP",
    protocolType,
    routeSelectionExpression,
    id: newId(context, 10),
    name: params.Name,
    createdDate: context.clock.now(),
    routes: new Map(),
    integrations: new Map(),
    deployments: new Map(),
    stages: new Map(),
    authorizers: new Map(),
  };
  context.apis.set(api.id, api);
  context.trace.record("apigateway", "create-api", api.id, { name: api.name, protocol: protocolType });
  return ok(summarizeHttpApi(context, api));
}
