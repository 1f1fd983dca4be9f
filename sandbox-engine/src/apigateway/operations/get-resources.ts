/** GetResources (https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html): every resource of an API, root first. */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { ApiGatewayOutcome } from "../apigateway-faults.ts";
import { summarizeResource, type ResourceSummary } from "./create-resource.ts";
import { findRestApi } from "./rest-lookup.ts";

export function getResources(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ items: ResourceSummary[] }> {
  const api = findRestApi(context, asParams(input).restApiId);
  if (!api.ok) return api;
  return ok({ items: [...api.value.resources.values()].map(summarizeResource) });
}
