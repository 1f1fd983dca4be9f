/**
 * CreateResource (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html): a path part
 * under a parent: a literal ("orders"), a parameter ("{id}") or a greedy one ("{proxy+}", last in a path).
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import { newId, type ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, conflict, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import type { RestResource } from "../apigateway-types.ts";
import { findResource, findRestApi } from "./rest-lookup.ts";

export interface ResourceSummary {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, Record<string, never>>;
}

export function summarizeResource(resource: RestResource): ResourceSummary {
  return {
    id: resource.id,
    ...(resource.parentId === undefined ? {} : { parentId: resource.parentId, pathPart: resource.pathPart }),
    path: resource.path,
    ...(resource.methods.size === 0 ? {} : { resourceMethods: Object.fromEntries([...resource.methods.keys()].map((method) => [method, {}])) }),
  };
}

const PATH_PART = /^(?:[A-Za-z0-9._~:@!$&'()*+,;=-]+|\{[A-Za-z0-9._-]+\+?\})$/;

export function createResource(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<ResourceSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const parent = findResource(api.value, params.parentId);
  if (!parent.ok) return parent;
  const pathPart = params.pathPart;
  if (typeof pathPart !== "string" || !PATH_PART.test(pathPart)) {
    return badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  if (/^\{.*\+\}$/.test(parent.value.pathPart)) return badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.value.path}`);
  const path = parent.value.path === "/" ? `/${pathPart}` : `${parent.value.path}/${pathPart}`;
  for (const sibling of api.value.resources.values()) {
    if (sibling.parentId !== parent.value.id) continue;
    if (sibling.pathPart === pathPart) return conflict(`Another resource with the same parent already has this name: ${pathPart}`);
    if (sibling.pathPart.startsWith("{") && pathPart.startsWith("{")) {
      return badRequest(`A sibling (${sibling.pathPart}) of this resource already has a variable path part -- only one is allowed`);
    }
  }
  const resource: RestResource = { id: newId(context, 6), parentId: parent.value.id, pathPart, path, methods: new Map() };
  api.value.resources.set(resource.id, resource);
  return ok(summarizeResource(resource));
}
