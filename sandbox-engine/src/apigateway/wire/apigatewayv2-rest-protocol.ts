/**
 * The API Gateway v2 control plane (@aws-sdk/client-apigatewayv2: HTTP APIs) over REST-JSON: `/v2/apis/...` on
 * apigateway.{region}.amazonaws.com (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/resources.html).
 * The SDK's members are PascalCase and travel camelCase (`apiId`, `routeKey`): the jsonName traits of its schemas.
 */
import * as apigatewayv2 from "@aws-sdk/client-apigatewayv2";
import type { Outcome } from "../../core/outcome.ts";
import { answerRest, restOperations } from "../../wire/rest-service.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { ApiGatewayV2Operations } from "../apigateway-service.ts";

/** An engine call of `sb.apigateway.v2` as a wire operation. */
const on = (call: (service: ApiGatewayV2Operations, input: unknown) => Outcome<object>) => (input: Record<string, unknown>, context: WireContext) =>
  call(context.sandbox.apigateway.v2, input);

const operations = restOperations([
  [apigatewayv2.CreateApi$, on((s, i) => s.createApi(i))],
  [apigatewayv2.GetApis$, on((s, i) => s.getApis(i))],
  [apigatewayv2.CreateIntegration$, on((s, i) => s.createIntegration(i))],
  [apigatewayv2.CreateRoute$, on((s, i) => s.createRoute(i))],
  [apigatewayv2.CreateStage$, on((s, i) => s.createStage(i))],
  [apigatewayv2.CreateDeployment$, on((s, i) => s.createDeployment(i))],
  [apigatewayv2.CreateAuthorizer$, on((s, i) => s.createAuthorizer(i))],
]);

export const apiGatewayV2OperationNames: readonly string[] = operations.map((operation) => operation.name);

export function isApiGatewayV2Request(request: WireRequest): boolean {
  return /^\/v2\/apis(\/|$)/.test(request.path);
}

export function answerApiGatewayV2Rest(request: WireRequest, context: WireContext): Promise<WireResponse> {
  return answerRest(operations, request, context, {
    code: "NotFoundException",
    message: `The sandbox does not simulate the API Gateway v2 operation ${request.method} ${request.path}.`,
    httpStatusCode: 404,
  });
}
