/** A method of a resource, with AWS's "Invalid Method identifier specified" when it is not there. */
import { ok } from "../../core/outcome.ts";
import type { Params } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { notFound, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import type { RestMethod } from "../apigateway-types.ts";
import { findResource, findRestApi } from "./rest-lookup.ts";

export function findMethod(context: ApiGatewayContext, params: Params): ApiGatewayOutcome<RestMethod> {
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const resource = findResource(api.value, params.resourceId);
  if (!resource.ok) return resource;
  const method = typeof params.httpMethod === "string" ? resource.value.methods.get(params.httpMethod) : undefined;
  if (method === undefined) return notFound("Invalid Method identifier specified");
  return ok(method);
}
