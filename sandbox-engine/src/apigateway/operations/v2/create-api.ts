/**
 * CreateApi (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html#CreateApi), ProtocolType
 * HTTP. WebSocket APIs are not simulated yet: refused with a clear message rather than half-working.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { apiHost, newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpApi } from "../../apigateway-types.ts";

export interface HttpApiSummary {
  ApiId: string;
  Name: string;
  ProtocolType: "HTTP";
  ApiEndpoint: string;
  RouteSelectionExpression: "${request.method} ${request.path}";
  ApiKeySelectionExpression: "$request.header.x-api-key";
  CreatedDate: Date;
}

export function summarizeHttpApi(context: ApiGatewayContext, api: HttpApi): HttpApiSummary {
  return {
    ApiId: api.id,
    Name: api.name,
    ProtocolType: "HTTP",
    ApiEndpoint: `https://${apiHost(context, api.id)}`,
    RouteSelectionExpression: "${request.method} ${request.path}",
    ApiKeySelectionExpression: "$request.header.x-api-key",
    CreatedDate: new Date(api.createdDate),
  };
}

export function createApi(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpApiSummary> {
  const params = asParams(input);
  if (typeof params.Name !== "string" || params.Name === "") return badRequest("Name is required", "CreateApi needs a Name.");
  if (params.ProtocolType === "WEBSOCKET") return badRequest("WebSocket APIs are not simulated yet; use ProtocolType HTTP");
  if (params.ProtocolType !== "HTTP") return badRequest(`Invalid protocol type ${String(params.ProtocolType)}. Valid values are HTTP, WEBSOCKET`);
  const api: HttpApi = {
    kind: "HTTP",
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
  context.trace.record("apigateway", "create-api", api.id, { name: api.name, protocol: "HTTP" });
  return ok(summarizeHttpApi(context, api));
}
