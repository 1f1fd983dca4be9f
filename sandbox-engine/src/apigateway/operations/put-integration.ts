/**
 * PutIntegration (https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html). Simulated
 * types: AWS_PROXY to a Lambda function (uri
 * `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`, integration
 * method POST: Lambda is invoked with a POST), and MOCK. timeoutInMillis: 50 to 29,000, default 29,000.
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { REST_DEFAULT_TIMEOUT_MS, REST_MAX_TIMEOUT_MS, REST_MIN_TIMEOUT_MS } from "../apigateway-limits.ts";
import type { RestIntegration } from "../apigateway-types.ts";
import { lambdaFunctionOfUri } from "../requests/lambda-uri.ts";
import { findMethod } from "./find-method.ts";

export interface IntegrationSummary {
  type: string;
  httpMethod?: string;
  uri?: string;
  timeoutInMillis: number;
  passthroughBehavior: "WHEN_NO_MATCH";
  cacheKeyParameters: string[];
}

export function putIntegration(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<IntegrationSummary> {
  const params = asParams(input);
  const method = findMethod(context, params);
  if (!method.ok) return method;
  const timeoutMs = params.timeoutInMillis ?? REST_DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !Number.isInteger(timeoutMs) || timeoutMs < REST_MIN_TIMEOUT_MS || timeoutMs > REST_MAX_TIMEOUT_MS) {
    return badRequest(`Timeout should be between ${REST_MIN_TIMEOUT_MS} ms and ${REST_MAX_TIMEOUT_MS} ms`);
  }
  const cacheKeyParameters = Array.isArray(params.cacheKeyParameters) ? (params.cacheKeyParameters as unknown[]) : [];
  if (!cacheKeyParameters.every((key): key is string => typeof key === "string" && /^method\.request\.(path|querystring|header)\.[A-Za-z0-9_.+-]+$/.test(key))) {
    return badRequest("Invalid cache key parameter specified: use method.request.path.x, method.request.querystring.x or method.request.header.X");
  }
  let integration: RestIntegration;
  if (params.type === "AWS_PROXY") {
    if (params.integrationHttpMethod !== "POST") {
      return badRequest("Enumeration value of integrationHttpMethod must be POST for a Lambda proxy integration", "Lambda is always invoked with a POST: integrationHttpMethod: \"POST\".");
    }
    if (typeof params.uri !== "string" || lambdaFunctionOfUri(params.uri) === undefined) {
      return badRequest("Invalid ARN specified in the request", "uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`.");
    }
    integration = { type: "AWS_PROXY", functionUri: params.uri, timeoutMs, cacheKeyParameters };
  } else if (params.type === "MOCK") {
    integration = { type: "MOCK", statusCode: mockStatusCode(params.requestTemplates), responses: new Map(), cacheKeyParameters };
  } else {
    return badRequest(`Integration type ${String(params.type)} is not simulated; use AWS_PROXY (Lambda) or MOCK`);
  }
  method.value.integration = integration;
  return ok({
    type: integration.type,
    ...(integration.type === "AWS_PROXY" ? { httpMethod: "POST", uri: integration.functionUri } : {}),
    timeoutInMillis: timeoutMs,
    passthroughBehavior: "WHEN_NO_MATCH",
    cacheKeyParameters: [...cacheKeyParameters],
  });
}

/** The `statusCode` a MOCK request template asks for (`{"statusCode": 200}`); 200 when there is none. */
function mockStatusCode(templates: unknown): string {
  const template = typeof templates === "object" && templates !== null ? (templates as Record<string, unknown>)["application/json"] : undefined;
  if (typeof template !== "string") return "200";
  const found = /"statusCode"\s*:\s*(\d{3})/.exec(template);
  return found?.[1] ?? "200";
}
