/**
 * Which HTTP API route answers a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html):
 * the most specific path wins (a literal over a variable over a greedy variable), a route of the request's
 * method over ANY, and `$default` catches the rest. Nothing: 404 {"message":"Not Found"}.
 */
import type { HttpRoute } from "../apigateway-types.ts";
import { compareSpecificity, matchTemplate, parseTemplate, type TemplateMatch } from "./path-template.ts";

export interface MatchedHttpRoute {
  readonly route: HttpRoute;
  readonly pathParameters: Readonly<Record<string, string>>;
}

export function routeHttpRequest(routes: readonly HttpRoute[], httpMethod: string, segments: readonly string[]): MatchedHttpRoute | undefined {
  let best: { route: HttpRoute; match: TemplateMatch; exactMethod: boolean } | undefined;
  for (const route of routes) {
    if (route.routeKey === "$default") continue;
    const [method = "", path = ""] = route.routeKey.split(" ");
    if (method !== httpMethod && method !== "ANY") continue;
    const match = matchTemplate(parseTemplate(path), segments);
    if (match === undefined) continue;
    const exactMethod = method === httpMethod;
    const order = best === undefined ? 1 : compareSpecificity(match.specificity, best.match.specificity) || Number(exactMethod) - Number(best.exactMethod);
    if (order > 0) best = { route, match, exactMethod };
  }
  if (best !== undefined) return { route: best.route, pathParameters: best.match.parameters };
  const fallback = routes.find((route) => route.routeKey === "$default");
  return fallback === undefined ? undefined : { route: fallback, pathParameters: {} };
}
