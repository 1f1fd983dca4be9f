/**
 * Which deployed REST resource and method answer a request: the most specific resource whose path matches,
 * then the method itself, else ANY. No resource, or no method on it: MISSING_AUTHENTICATION_TOKEN (403).
 */
import type { FrozenResource, RestMethod } from "../apigateway-types.ts";
import { compareSpecificity, matchTemplate, parseTemplate, type TemplateMatch } from "./path-template.ts";

export interface RestRoute {
  readonly resource: FrozenResource;
  readonly method: Readonly<RestMethod>;
  readonly pathParameters: Readonly<Record<string, string>>;
}

export function routeRestRequest(resources: readonly FrozenResource[], httpMethod: string, segments: readonly string[]): RestRoute | undefined {
  let best: { resource: FrozenResource; match: TemplateMatch } | undefined;
  for (const resource of resources) {
    const match = matchTemplate(parseTemplate(resource.path), segments);
    if (match === undefined) continue;
    if (best === undefined || compareSpecificity(match.specificity, best.match.specificity) > 0) best = { resource, match };
  }
  if (best === undefined) return undefined;
  const method = best.resource.methods.get(httpMethod) ?? best.resource.methods.get("ANY");
  if (method === undefined) return undefined;
  return { resource: best.resource, method, pathParameters: best.match.parameters };
}
