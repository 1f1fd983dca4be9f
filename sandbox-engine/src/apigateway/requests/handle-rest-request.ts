/**
 * A request to a REST API: `https://{api}.execute-api.{region}.amazonaws.com/{stage}/{path}`. The stage's
 * deployment (never the undeployed resources) picks the resource and method; throttling applies; then the
 * integration answers: MOCK from its integration response, AWS_PROXY from the function (payload 1.0).
 * An unknown stage answers 403 {"message":"Forbidden"} (decision: what AWS answers for a stage that is not
 * there; the gateway-response page has no type for it).
 */
import { executeApiArn, type ApiGatewayContext } from "../apigateway-context.ts";
import type { RestApi, RestIntegration, RestStage } from "../apigateway-types.ts";
import { admit } from "../throttling/throttle.ts";
import { checkApiKey } from "../throttling/api-key-check.ts";
import { customizeGatewayResponse } from "./custom-gateway-response.ts";
import { allowedContext, authorize } from "./lambda-authorizer.ts";
import { headerValue, jsonResponse, type GatewayRequest } from "./gateway-request.ts";
import { authorizeJwt } from "./jwt-authorizer.ts";
import { gatewayResponse } from "./gateway-responses.ts";
import { callLambdaProxy, type Answered } from "./integration-answer.ts";
import { lambdaFunctionOfUri, withStageVariables } from "./lambda-uri.ts";
import { proxyEventV1, type V1Target } from "./proxy-event-v1.ts";
import { cachedResponse, cacheSlot, storeResponse } from "./stage-cache.ts";
import { requestFacts, type RequestFacts, type RequestStart } from "./request-context.ts";
import { routeRestRequest, type RestRoute } from "./rest-routing.ts";
import { pathSegments } from "./path-template.ts";

export async function handleRestRequest(context: ApiGatewayContext, api: RestApi, request: GatewayRequest, start: RequestStart): Promise<Answered> {
  const answered = await answerRestRequest(context, api, request, start);
  const stage = api.stages.get(decodeURIComponent(pathSegments(request.url.pathname)[0] ?? ""));
  const custom = stage === undefined ? undefined : api.deployments.get(stage.deploymentId)?.gatewayResponses;
  return custom === undefined || custom.size === 0 ? answered : { ...answered, response: customizeGatewayResponse(custom, answered.response, start.requestId) };
}

async function answerRestRequest(context: ApiGatewayContext, api: RestApi, request: GatewayRequest, start: RequestStart): Promise<Answered> {
  const [stageName = "", ...segments] = pathSegments(request.url.pathname);
  const stage = api.stages.get(decodeURIComponent(stageName));
  const deployment = stage === undefined ? undefined : api.deployments.get(stage.deploymentId);
  if (stage === undefined || deployment === undefined) {
    start.record(stageName, "");
    return { response: jsonResponse(403, { message: "Forbidden" }, [["x-amzn-RequestId", start.requestId], ["x-amzn-ErrorType", "ForbiddenException"]]), reason: `no stage ${stageName} in API ${api.name}` };
  }
  const route = routeRestRequest(deployment.resources, request.method, segments);
  const seq = start.record(stage.stageName, route === undefined ? "" : `${route.method.httpMethod} ${route.resource.path}`);
  if (route === undefined) {
    return { response: gatewayResponse("REST", "MISSING_AUTHENTICATION_TOKEN", start.requestId), reason: `no deployed resource and method match ${request.method} /${segments.join("/")} in stage ${stage.stageName}` };
  }
  const baseFacts = requestFacts(context, api.id, start, request, stage, segments);
  const v1Target = { resourcePath: route.resource.path, resourceId: route.resource.id, pathParameters: route.pathParameters };
  let authorizerContext: Record<string, string | number | boolean> | undefined;
  let jwt: RequestFacts["jwt"];
  const authorizer = route.method.authorizerId === undefined ? undefined : deployment.authorizers.get(route.method.authorizerId);
  if (authorizer?.type === "COGNITO_USER_POOLS") {
    // Every failure, scopes included, answers 401 Unauthorized on REST APIs (the UNAUTHORIZED gateway response).
    const rules = { header: authorizer.identitySource.slice("method.request.header.".length), issuers: authorizer.issuers, audience: undefined, scopes: route.method.authorizationScopes };
    const verdict = authorizeJwt(context.identity, rules, request, context.clock.now());
    context.trace.record("apigateway", "authorize", api.id, { authorizer: authorizer.name, result: verdict.kind === "allow" ? "allow" : "UNAUTHORIZED", cached: false }, seq);
    if (verdict.kind === "refuse") return { response: gatewayResponse("REST", "UNAUTHORIZED", start.requestId), reason: `Cognito authorizer ${authorizer.name}: ${verdict.reason}` };
    jwt = verdict.grant;
  } else if (authorizer !== undefined) {
    const verdict = await authorize(context, request, {
      authorizer,
      apiId: api.id,
      methodArn: executeApiArn(context, api.id, stage.stageName, request.method, `/${segments.join("/")}`),
      stageVariables: stage.variables,
      requestEvent: () => proxyEventV1(request, baseFacts, v1Target),
      cause: seq,
    });
    context.trace.record("apigateway", "authorize", api.id, { authorizer: authorizer.name, result: verdict.kind === "allow" ? "allow" : verdict.response, cached: verdict.kind === "allow" && verdict.cached }, seq);
    if (verdict.kind === "refuse") return { response: gatewayResponse("REST", verdict.response, start.requestId), reason: verdict.reason };
    authorizerContext = allowedContext(verdict.output);
  }
  let apiKey: { readonly id: string; readonly value: string } | undefined;
  if (route.method.apiKeyRequired) {
    const given = headerValue(request, "x-api-key");
    const key = checkApiKey(context, api.id, stage.stageName, given);
    if (key.kind === "forbidden") return { response: gatewayResponse("REST", "INVALID_API_KEY", start.requestId), reason: key.reason };
    if (key.kind === "throttled") return { response: gatewayResponse("REST", "THROTTLED", start.requestId), reason: key.reason };
    if (key.kind === "quota-exceeded") return { response: gatewayResponse("REST", "QUOTA_EXCEEDED", start.requestId), reason: key.reason };
    apiKey = { id: key.keyId, value: given ?? "" };
  }
  const throttling = stage.methodThrottling.get(`${route.resource.path}/${request.method}`) ?? stage.methodThrottling.get(`${route.resource.path}/${route.method.httpMethod}`) ?? stage.methodThrottling.get("*/*");
  const verdict = admit(context, throttling === undefined ? undefined : { key: `${api.id}/${stage.stageName}${route.resource.path}/${route.method.httpMethod}`, limits: throttling });
  if (!verdict.admitted) return { response: gatewayResponse("REST", "THROTTLED", start.requestId), reason: `throttled by ${verdict.limitedBy}` };
  const integration = route.method.integration;
  if (integration === undefined) return { response: gatewayResponse("REST", "API_CONFIGURATION_ERROR", start.requestId), reason: "the method has no integration" };
  const slot = cacheSlot(stage, request, { resourcePath: route.resource.path, httpMethod: route.method.httpMethod, pathParameters: route.pathParameters, cacheKeyParameters: integration.cacheKeyParameters });
  if (slot !== undefined) {
    const cached = cachedResponse(stage, slot, context.clock.now());
    const result = cached !== undefined ? "hit" : slot.refresh ? "refresh" : "miss";
    start.noteCache(result);
    context.trace.record("apigateway", "cache", api.id, { requestId: start.requestId, result }, seq);
    if (cached !== undefined) return { response: { ...cached, headers: [...cached.headers.filter(([name]) => name !== "x-amzn-RequestId"), ["x-amzn-RequestId", start.requestId]] } };
  }
  const answered = await integrate(context, api, stage, route, integration, request, { ...baseFacts, apiKey, authorizer: authorizerContext, jwt }, v1Target, start.requestId, seq);
  if (slot !== undefined) storeResponse(stage, slot, answered.response, context.clock.now());
  return answered;
}

async function integrate(
  context: ApiGatewayContext,
  api: RestApi,
  stage: RestStage,
  route: RestRoute,
  integration: RestIntegration,
  request: GatewayRequest,
  facts: RequestFacts,
  v1Target: V1Target,
  requestId: string,
  seq: number,
): Promise<Answered> {
  if (integration.type === "MOCK") {
    const mock = integration.responses.get(integration.statusCode);
    if (mock === undefined) {
      return { response: gatewayResponse("REST", "API_CONFIGURATION_ERROR", requestId), reason: `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${integration.statusCode}` };
    }
    return { response: { status: Number(integration.statusCode), headers: [["content-type", mock.contentType], ["x-amzn-RequestId", requestId]], body: mock.body } };
  }
  const functionArn = lambdaFunctionOfUri(withStageVariables(integration.functionUri, stage.variables)) ?? "";
  const event = proxyEventV1(request, facts, v1Target);
  return callLambdaProxy(
    context,
    "REST",
    "1.0",
    {
      functionArn,
      event,
      sourceArn: executeApiArn(context, api.id, stage.stageName, request.method, route.resource.path),
      timeoutMs: integration.timeoutMs,
      label: `API ${api.name} (${api.id}) ${request.method} ${route.resource.path}`,
      cause: seq,
    },
    requestId,
  );
}
