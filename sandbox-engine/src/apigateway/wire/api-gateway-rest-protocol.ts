/**
 * The API Gateway control plane for REST APIs (@aws-sdk/client-api-gateway) over REST-JSON: `/restapis/...`,
 * `/apikeys`, `/usageplans/...` on apigateway.{region}.amazonaws.com
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations_Amazon_API_Gateway.html). Lists travel as
 * `item` (the model's jsonName for `items`) and usage as `values`; the SDK's schemas do that mapping on both sides.
 */
import * as apigateway from "@aws-sdk/client-api-gateway";
import type { Outcome } from "../../core/outcome.ts";
import { answerRest, restOperations } from "../../wire/rest-service.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { ApiGatewayService } from "../apigateway-service.ts";

/** An engine call of `sb.apigateway` as a wire operation. */
const on = (call: (service: ApiGatewayService, input: unknown) => Outcome<object>) => (input: Record<string, unknown>, context: WireContext) =>
  call(context.sandbox.apigateway, input);

const operations = restOperations([
  [apigateway.CreateRestApi$, on((s, i) => s.createRestApi(i))],
  [apigateway.GetRestApis$, on((s, i) => s.getRestApis(i))],
  [apigateway.GetResources$, on((s, i) => s.getResources(i))],
  [apigateway.CreateResource$, on((s, i) => s.createResource(i))],
  [apigateway.DeleteResource$, on((s, i) => s.deleteResource(i))],
  [apigateway.PutMethod$, on((s, i) => s.putMethod(i))],
  [apigateway.PutMethodResponse$, on((s, i) => s.putMethodResponse(i))],
  [apigateway.PutIntegration$, on((s, i) => s.putIntegration(i))],
  [apigateway.PutIntegrationResponse$, on((s, i) => s.putIntegrationResponse(i))],
  [apigateway.CreateDeployment$, on((s, i) => s.createDeployment(i))],
  [apigateway.CreateStage$, on((s, i) => s.createStage(i))],
  [apigateway.GetStage$, on((s, i) => s.getStage(i))],
  [apigateway.UpdateStage$, on((s, i) => s.updateStage(i))],
  [apigateway.FlushStageCache$, on((s, i) => s.flushStageCache(i))],
  [apigateway.CreateAuthorizer$, on((s, i) => s.createAuthorizer(i))],
  [apigateway.PutGatewayResponse$, on((s, i) => s.putGatewayResponse(i))],
  [apigateway.CreateApiKey$, on((s, i) => s.createApiKey(i))],
  [apigateway.GetApiKeys$, on((s, i) => s.getApiKeys(i))],
  [apigateway.CreateUsagePlan$, on((s, i) => s.createUsagePlan(i))],
  [apigateway.CreateUsagePlanKey$, on((s, i) => s.createUsagePlanKey(i))],
  [apigateway.GetUsage$, on((s, i) => s.getUsage(i))],
]);

export const apiGatewayOperationNames: readonly string[] = operations.map((operation) => operation.name);

export function isApiGatewayRequest(request: WireRequest): boolean {
  return /^\/(restapis|apikeys|usageplans)(\/|$)/.test(request.path);
}

export function answerApiGatewayRest(request: WireRequest, context: WireContext): Promise<WireResponse> {
  return answerRest(operations, request, context, {
    code: "NotFoundException",
    message: `The sandbox does not simulate the API Gateway operation ${request.method} ${request.path}.`,
    httpStatusCode: 404,
  });
}
