/**
 * A request to an HTTP API: the `$default` stage at the base URL, a named stage under /{stage}
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html). AutoDeploy stages serve
 * the current routes; others their deployment's. Route throttling, then the Lambda proxy with the
 * integration's payload format.
 */
import { executeApiArn, type ApiGatewayContext } from "../apigateway-context.ts";
import type { HttpApi, HttpSnapshot, HttpStage } from "../apigateway-types.ts";
import { admit } from "../throttling/throttle.ts";
import type { GatewayRequest } from "./gateway-request.ts";
import { gatewayResponse } from "./gateway-responses.ts";
import { authorizeHttp } from "./http-lambda-authorizer.ts";
import { authorizeJwt } from "./jwt-authorizer.ts";
import { routeHttpRequest } from "./http-routing.ts";
import { callLambdaProxy, type Answered } from "./integration-answer.ts";
import { lambdaFunctionOfUri, withStageVariables } from "./lambda-uri.ts";
import { pathSegments } from "./path-template.ts";
import { proxyEventV1 } from "./proxy-event-v1.ts";
import { proxyEventV2 } from "./proxy-event-v2.ts";
import { requestFacts, type RequestStart } from "./request-context.ts";

function stageOf(api: HttpApi, segments: readonly string[]): { stage: HttpStage; rest: readonly string[] } | undefined {
  const [first, ...rest] = segments;
  const named = first === undefined || first === "$default" ? undefined : api.stages.get(first);
  if (named !== undefined) return { stage: named, rest };
  const fallback = api.stages.get("$default");
  return fallback === undefined ? undefined : { stage: fallback, rest: segments };
}

/** The routes a stage serves: the current ones with AutoDeploy, else its deployment's (none before one). */
export function servedRoutes(api: HttpApi, stage: HttpStage): HttpSnapshot | undefined {
  if (stage.autoDeploy) return { routes: [...api.routes.values()], integrations: api.integrations };
  return stage.deploymentId === undefined ? undefined : api.deployments.get(stage.deploymentId)?.snapshot;
}

export async function handleHttpRequest(context: ApiGatewayContext, api: HttpApi, request: GatewayRequest, start: RequestStart): Promise<Answered> {
  const found = stageOf(api, pathSegments(request.url.pathname));
  const snapshot = found === undefined ? undefined : servedRoutes(api, found.stage);
  const matched = found === undefined || snapshot === undefined ? undefined : routeHttpRequest(snapshot.routes, request.method, found.rest);
  const seq = start.record(found?.stage.stageName ?? "", matched?.route.routeKey ?? "");
  if (found === undefined || snapshot === undefined || matched === undefined) {
    return { response: gatewayResponse("HTTP", "RESOURCE_NOT_FOUND", start.requestId), reason: `no deployed route matches ${request.method} ${request.url.pathname}` };
  }
  const { stage, rest } = found;
  const { route, pathParameters } = matched;
  const limits = stage.routeThrottling.get(route.routeKey) ?? stage.defaultRouteThrottling;
  const verdict = admit(context, limits === undefined ? undefined : { key: `${api.id}/${stage.stageName}/${route.routeKey}`, limits });
  if (!verdict.admitted) return { response: gatewayResponse("HTTP", "THROTTLED", start.requestId), reason: `throttled by ${verdict.limitedBy}` };
  const integrationId = route.target?.replace(/^integrations\//, "");
  const integration = integrationId === undefined ? undefined : snapshot.integrations.get(integrationId);
  if (integration === undefined) return { response: gatewayResponse("HTTP", "RESOURCE_NOT_FOUND", start.requestId), reason: `route ${route.routeKey} has no integration` };
  const baseFacts = requestFacts(context, api.id, start, request, stage, rest);
  const routePath = route.routeKey === "$default" ? "$default" : (route.routeKey.split(" ")[1] ?? "");
  let facts = baseFacts;
  const authorizer = route.authorizerId === undefined ? undefined : api.authorizers.get(route.authorizerId);
  if (authorizer?.type === "JWT") {
    const rules = { header: authorizer.identitySource.slice("$request.header.".length), issuers: [authorizer.issuer], audience: authorizer.audience, scopes: route.authorizationScopes ?? [] };
    const verdict = authorizeJwt(context.identity, rules, request, context.clock.now());
    context.trace.record("apigateway", "authorize", api.id, { authorizer: authorizer.name, result: verdict.kind === "allow" ? "allow" : verdict.response, cached: false }, seq);
    if (verdict.kind === "refuse") {
      const refused = gatewayResponse("HTTP", verdict.response, start.requestId);
      return { response: { ...refused, headers: [...refused.headers, ["www-authenticate", verdict.wwwAuthenticate]] }, reason: `JWT authorizer ${authorizer.name}: ${verdict.reason}` };
    }
    facts = { ...baseFacts, jwt: verdict.grant };
  } else if (authorizer?.type === "REQUEST") {
    const verdict = await authorizeHttp(context, request, {
      authorizer,
      apiId: api.id,
      routeArn: executeApiArn(context, api.id, stage.stageName, request.method, `/${rest.join("/")}`),
      stageVariables: stage.variables,
      requestEvent: () =>
        authorizer.payloadFormatVersion === "2.0"
          ? proxyEventV2(request, baseFacts, route.routeKey, pathParameters)
          : proxyEventV1(request, baseFacts, { resourcePath: routePath, resourceId: route.id, pathParameters, routeKey: route.routeKey }),
      cause: seq,
    });
    context.trace.record("apigateway", "authorize", api.id, { authorizer: authorizer.name, result: verdict.kind === "allow" ? "allow" : verdict.response, cached: verdict.kind === "allow" && verdict.cached }, seq);
    if (verdict.kind === "refuse") return { response: gatewayResponse("HTTP", verdict.response, start.requestId), reason: verdict.reason };
    facts = { ...baseFacts, authorizer: verdict.context };
  }
  const event =
    integration.payloadFormatVersion === "2.0"
      ? proxyEventV2(request, facts, route.routeKey, pathParameters)
      : proxyEventV1(request, facts, { resourcePath: routePath, resourceId: route.id, pathParameters, routeKey: route.routeKey });
  // The ARN names the method and the route's path ("GET/orders/{id}"); the default route is "$default" alone,
  // as the console's permission for it reads (".../*/$default").
  const [arnMethod, arnPath] = route.routeKey === "$default" ? ["$default", ""] : [request.method, routePath];
  return callLambdaProxy(
    context,
    "HTTP",
    integration.payloadFormatVersion,
    {
      functionArn: lambdaFunctionOfUri(withStageVariables(integration.functionUri, stage.variables)) ?? "",
      event,
      sourceArn: executeApiArn(context, api.id, stage.stageName, arnMethod, arnPath),
      timeoutMs: integration.timeoutMs,
      label: `API ${api.name} (${api.id}) ${route.routeKey}`,
      cause: seq,
    },
    start.requestId,
  );
}
