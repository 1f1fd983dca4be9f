/**
 * PutGatewayResponse (https://docs.aws.amazon.com/apigateway/latest/api/API_PutGatewayResponse.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html): customises
 * the answer API Gateway gives itself for one response type, or for every 4XX/5XX one (DEFAULT_4XX, DEFAULT_5XX).
 * Simulated: statusCode, static headers (`gatewayresponse.header.Name: "'value'"`), and a body template where
 * `$context.error.messageString` (the message as a JSON string), `$context.error.message` and `$context.requestId`
 * are replaced. Takes effect with the next deployment, like the rest of the API.
 */
import { ok } from "../../core/outcome.ts";
import { asParams, isRecord } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findRestApi } from "./rest-lookup.ts";

const TYPES = [
  "ACCESS_DENIED", "API_CONFIGURATION_ERROR", "AUTHORIZER_CONFIGURATION_ERROR", "AUTHORIZER_FAILURE", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY",
  "DEFAULT_4XX", "DEFAULT_5XX", "EXPIRED_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "INVALID_API_KEY", "INVALID_SIGNATURE",
  "MISSING_AUTHENTICATION_TOKEN", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "THROTTLED", "UNAUTHORIZED", "UNSUPPORTED_MEDIA_TYPE", "WAF_FILTERED",
];

export interface GatewayResponseSummary {
  responseType: string;
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  defaultResponse: false;
}

export function putGatewayResponse(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<GatewayResponseSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const { responseType, statusCode } = params;
  if (typeof responseType !== "string" || !TYPES.includes(responseType)) return badRequest(`Invalid response type ${String(responseType)}. Valid values are ${TYPES.join(", ")}`);
  if (statusCode !== undefined && (typeof statusCode !== "string" || !/^[1-5]\d\d$/.test(statusCode))) return badRequest("Invalid status code specified");
  const parameters = isRecord(params.responseParameters) ? params.responseParameters : {};
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(parameters)) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
    const literal = typeof value === "string" ? /^'(.*)'$/.exec(value)?.[1] : undefined;
    if (name === undefined || literal === undefined) return badRequest(`Invalid mapping expression specified: ${key}: ${String(value)} (simulated: gatewayresponse.header.Name with a 'static value')`);
    headers[name] = literal;
  }
  const templates = isRecord(params.responseTemplates) ? Object.values(params.responseTemplates).filter((value): value is string => typeof value === "string") : [];
  api.value.gatewayResponses.set(responseType, { statusCode: statusCode === undefined ? undefined : Number(statusCode), headers, template: templates[0] });
  return ok({
    responseType,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(Object.keys(parameters).length === 0 ? {} : { responseParameters: { ...(parameters as Record<string, string>) } }),
    ...(templates[0] === undefined ? {} : { responseTemplates: { "application/json": templates[0] } }),
    defaultResponse: false,
  });
}
