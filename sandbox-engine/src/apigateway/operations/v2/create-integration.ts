/**
 * CreateIntegration for HTTP APIs (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations.html):
 * AWS_PROXY to a Lambda function. PayloadFormatVersion is required for Lambda ("1.0" or "2.0",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html);
 * TimeoutInMillis 50 to 30,000, default 30,000. WebSocket APIs: payload format 1.0 only (the default), timeout at most
 * 29 s (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { HTTP_MAX_TIMEOUT_MS, REST_MIN_TIMEOUT_MS, WEBSOCKET_MAX_TIMEOUT_MS } from "../../apigateway-limits.ts";
import type { HttpIntegration } from "../../apigateway-types.ts";
import { lambdaFunctionOfUri } from "../../requests/lambda-uri.ts";
import { findHttpApi } from "./http-lookup.ts";

export interface HttpIntegrationSummary {
  IntegrationId: string;
  IntegrationType: "AWS_PROXY";
  IntegrationUri: string;
  IntegrationMethod: "POST";
  PayloadFormatVersion: string;
  TimeoutInMillis: number;
  ConnectionType: "INTERNET";
}

export function createIntegration(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpIntegrationSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  if (params.IntegrationType !== "AWS_PROXY") return badRequest(`IntegrationType ${String(params.IntegrationType)} is not simulated; use AWS_PROXY (Lambda)`);
  if (typeof params.IntegrationUri !== "string" || lambdaFunctionOfUri(params.IntegrationUri) === undefined) {
    return badRequest("Invalid integration URI specified", "IntegrationUri: the function's ARN.");
  }
  const webSocket = api.value.protocolType === "WEBSOCKET";
  const version = params.PayloadFormatVersion ?? (webSocket ? "1.0" : undefined);
  if (webSocket && version !== "1.0") return badRequest("PayloadFormatVersion 1.0 is the only format of WebSocket APIs");
  if (version !== "1.0" && version !== "2.0") {
    return badRequest("PayloadFormatVersion is required for AWS_PROXY integrations and must be 1.0 or 2.0");
  }
  // The default is the maximum for both kinds (HTTP: 30 s; WebSocket: 29 s).
  const maxTimeoutMs = webSocket ? WEBSOCKET_MAX_TIMEOUT_MS : HTTP_MAX_TIMEOUT_MS;
  const timeoutMs = params.TimeoutInMillis ?? maxTimeoutMs;
  if (typeof timeoutMs !== "number" || !Number.isInteger(timeoutMs) || timeoutMs < REST_MIN_TIMEOUT_MS || timeoutMs > maxTimeoutMs) {
    return badRequest(`Timeout must be between ${REST_MIN_TIMEOUT_MS} ms and ${maxTimeoutMs} ms`);
  }
  const integration: HttpIntegration = { id: newId(context, 7), integrationType: "AWS_PROXY", functionUri: params.IntegrationUri, payloadFormatVersion: version, timeoutMs };
  api.value.integrations.set(integration.id, integration);
  return ok({
    IntegrationId: integration.id,
    IntegrationType: "AWS_PROXY",
    IntegrationUri: integration.functionUri,
    IntegrationMethod: "POST",
    PayloadFormatVersion: version,
    TimeoutInMillis: timeoutMs,
    ConnectionType: "INTERNET",
  });
}
