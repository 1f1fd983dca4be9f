/** Finding a REST API, resource or stage, with the NotFoundException texts of the API Gateway API. */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { notFound, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import type { RestApi, RestResource, RestStage } from "../apigateway-types.ts";
import type { Params } from "../../core/params.ts";
import { ok } from "../../core/outcome.ts";

export function findRestApi(context: ApiGatewayContext, restApiId: unknown): ApiGatewayOutcome<RestApi> {
  const api = typeof restApiId === "string" ? context.apis.get(restApiId) : undefined;
  if (api === undefined || api.kind !== "REST") return notFound("Invalid API identifier specified");
  return ok(api);
}

export function findResource(api: RestApi, resourceId: unknown): ApiGatewayOutcome<RestResource> {
  const resource = typeof resourceId === "string" ? api.resources.get(resourceId) : undefined;
  if (resource === undefined) return notFound("Invalid Resource identifier specified");
  return ok(resource);
}

export function findRestStage(context: ApiGatewayContext, params: Params): ApiGatewayOutcome<{ api: RestApi; stage: RestStage }> {
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const stage = typeof params.stageName === "string" ? api.value.stages.get(params.stageName) : undefined;
  if (stage === undefined) return notFound("Invalid Stage identifier specified");
  return ok({ api: api.value, stage });
}
