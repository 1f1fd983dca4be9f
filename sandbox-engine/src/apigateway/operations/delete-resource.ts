/**
 * DeleteResource (https://docs.aws.amazon.com/apigateway/latest/api/API_DeleteResource.html): a resource and every
 * resource below it, with their methods. The root resource cannot be deleted ("Cannot delete root resource"); what
 * a stage serves changes only with the next deployment, as for every change.
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findResource, findRestApi } from "./rest-lookup.ts";

export function deleteResource(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<Record<string, never>> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const resource = findResource(api.value, params.resourceId);
  if (!resource.ok) return resource;
  if (resource.value.id === api.value.rootResourceId) return badRequest("Cannot delete root resource");
  const doomed = new Set([resource.value.id]);
  // Parents come before their children in creation order, so one pass collects the whole subtree.
  for (const candidate of api.value.resources.values()) {
    if (candidate.parentId !== undefined && doomed.has(candidate.parentId)) doomed.add(candidate.id);
  }
  for (const id of doomed) api.value.resources.delete(id);
  return ok({});
}
