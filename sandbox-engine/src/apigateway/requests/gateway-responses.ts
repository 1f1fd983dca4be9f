/**
 * The answers API Gateway gives itself, without the backend's say
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html, AWS-FACTS C.5
 * item 25). REST and HTTP APIs word them differently. What each relies on:
 * - REST unknown resource or method: 403 {"message":"Missing Authentication Token"} (MISSING_AUTHENTICATION_TOKEN).
 * - HTTP API no route: 404 {"message":"Not Found"} (http-api-develop-routes.html).
 * - REST method that requires an API key, none or a wrong one: 403 {"message":"Forbidden"} (INVALID_API_KEY).
 * - Lambda authorizers (https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer): no identity or
 *   the authorizer failing with "Unauthorized": 401 {"message":"Unauthorized"}; a policy that denies explicitly: 403
 *   {"message":"User is not authorized to access this resource with an explicit deny"}; one that does not allow:
 *   403 {"message":"User is not authorized to access this resource"}; an authorizer that fails otherwise or answers
 *   nonsense: 500 {"message": null} (AUTHORIZER_FAILURE / AUTHORIZER_CONFIGURATION_ERROR; the null message is
 *   what callers report, UNVERIFIED in the docs).
 * - Throttled: 429 {"message":"Too Many Requests"}; quota: 429 {"message":"Limit Exceeded"}.
 * - REST integration failures (missing Lambda permission, function error, malformed proxy response): the
 *   knowledge-center pages show 500 {"message": "Internal server error"} for "Invalid permissions on Lambda
 *   function" and 502 for "Malformed Lambda proxy response" and unhandled function errors
 *   (https://repost.aws/knowledge-center/api-gateway-internal-server-error,
 *   https://repost.aws/knowledge-center/malformed-502-api-gateway). REST writes "{"message": "..."}" with a space.
 * - REST integration timeout: 504 {"message": "Endpoint request timed out"} (INTEGRATION_TIMEOUT).
 * - HTTP API integration failures: 500 {"message":"Internal Server Error"}
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html).
 * - HTTP API integration timeout: 503 {"message":"Service Unavailable"}. Decision: the docs do not print
 *   it; HTTP API users report exactly this answer when a function outlives the 30 s timeout
 *   (github.com/anomalyco/sst issue 2232), so the simulator follows them rather than REST's 504.
 */
import type { GatewayResponse } from "./gateway-request.ts";

export type GatewayResponseType =
  | "MISSING_AUTHENTICATION_TOKEN"
  | "INVALID_API_KEY"
  | "UNAUTHORIZED"
  | "ACCESS_DENIED"
  | "EXPLICIT_DENY"
  | "AUTHORIZER_FAILURE"
  | "RESOURCE_NOT_FOUND"
  | "THROTTLED"
  | "QUOTA_EXCEEDED"
  | "API_CONFIGURATION_ERROR"
  | "BAD_GATEWAY"
  | "INTEGRATION_TIMEOUT";

export type ApiProtocol = "REST" | "HTTP";

const REST: Record<GatewayResponseType, readonly [number, string]> = {
  MISSING_AUTHENTICATION_TOKEN: [403, "Missing Authentication Token"],
  INVALID_API_KEY: [403, "Forbidden"],
  UNAUTHORIZED: [401, "Unauthorized"],
  ACCESS_DENIED: [403, "User is not authorized to access this resource"],
  EXPLICIT_DENY: [403, "User is not authorized to access this resource with an explicit deny"],
  AUTHORIZER_FAILURE: [500, ""],
  RESOURCE_NOT_FOUND: [404, "Not Found"],
  THROTTLED: [429, "Too Many Requests"],
  QUOTA_EXCEEDED: [429, "Limit Exceeded"],
  API_CONFIGURATION_ERROR: [500, "Internal server error"],
  BAD_GATEWAY: [502, "Internal server error"],
  INTEGRATION_TIMEOUT: [504, "Endpoint request timed out"],
};

const HTTP: Record<GatewayResponseType, readonly [number, string]> = {
  MISSING_AUTHENTICATION_TOKEN: [404, "Not Found"],
  INVALID_API_KEY: [403, "Forbidden"],
  UNAUTHORIZED: [401, "Unauthorized"],
  ACCESS_DENIED: [403, "Forbidden"],
  EXPLICIT_DENY: [403, "Forbidden"],
  AUTHORIZER_FAILURE: [500, "Internal Server Error"],
  RESOURCE_NOT_FOUND: [404, "Not Found"],
  THROTTLED: [429, "Too Many Requests"],
  QUOTA_EXCEEDED: [429, "Limit Exceeded"],
  API_CONFIGURATION_ERROR: [500, "Internal Server Error"],
  BAD_GATEWAY: [500, "Internal Server Error"],
  INTEGRATION_TIMEOUT: [503, "Service Unavailable"],
};

export function gatewayResponse(protocol: ApiProtocol, type: GatewayResponseType, requestId: string): GatewayResponse {
  const [status, message] = (protocol === "REST" ? REST : HTTP)[type];
  // REST serialises with a space after the colon for its 5XX answers, as AWS prints them.
  const body =
    protocol === "REST" && type === "AUTHORIZER_FAILURE" ? '{"message": null}' : protocol === "REST" && status >= 500 ? `{"message": "${message}"}` : JSON.stringify({ message });
  const idHeader: readonly [string, string] = protocol === "REST" ? ["x-amzn-RequestId", requestId] : ["apigw-requestid", requestId];
  const errorType: (readonly [string, string])[] = protocol === "REST" ? [["x-amzn-ErrorType", errorTypeOf(type)]] : [];
  return { status, headers: [["content-type", "application/json"], idHeader, ...errorType], body, gatewayResponseType: AWS_TYPE[type] ?? (status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX") };
}

/** The response type PutGatewayResponse names for each answer (malformed proxy answers have none: DEFAULT_5XX). */
const AWS_TYPE: Partial<Record<GatewayResponseType, string>> = {
  MISSING_AUTHENTICATION_TOKEN: "MISSING_AUTHENTICATION_TOKEN",
  INVALID_API_KEY: "INVALID_API_KEY",
  UNAUTHORIZED: "UNAUTHORIZED",
  ACCESS_DENIED: "ACCESS_DENIED",
  EXPLICIT_DENY: "ACCESS_DENIED",
  AUTHORIZER_FAILURE: "AUTHORIZER_FAILURE",
  RESOURCE_NOT_FOUND: "RESOURCE_NOT_FOUND",
  THROTTLED: "THROTTLED",
  QUOTA_EXCEEDED: "QUOTA_EXCEEDED",
  API_CONFIGURATION_ERROR: "API_CONFIGURATION_ERROR",
  INTEGRATION_TIMEOUT: "INTEGRATION_TIMEOUT",
};

function errorTypeOf(type: GatewayResponseType): string {
  if (type === "MISSING_AUTHENTICATION_TOKEN") return "MissingAuthenticationTokenException";
  if (type === "THROTTLED" || type === "QUOTA_EXCEEDED") return "TooManyRequestsException";
  if (type === "INVALID_API_KEY") return "ForbiddenException";
  if (type === "ACCESS_DENIED" || type === "EXPLICIT_DENY") return "AccessDeniedException";
  if (type === "UNAUTHORIZED") return "UnauthorizedException";
  if (type === "AUTHORIZER_FAILURE") return "AuthorizerConfigurationException";
  return "InternalServerErrorException";
}
