/** Finding an HTTP API, with the apigatewayv2 NotFoundException text. */
import { ok } from "../../../core/outcome.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import { notFound, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpApi } from "../../apigateway-types.ts";

export function findHttpApi(context: ApiGatewayContext, apiId: unknown): ApiGatewayOutcome<HttpApi> {
  const api = typeof apiId === "string" ? context.apis.get(apiId) : undefined;
  if (api === undefined || api.kind !== "HTTP") return notFound(`Invalid API identifier specified ${context.accountId}:${String(apiId)}`);
  return ok(api);
}
