/**
 * CreateAuthorizer for HTTP APIs (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers.html),
 * AuthorizerType REQUEST (a Lambda function): AuthorizerPayloadFormatVersion 1.0 or 2.0 (required), EnableSimpleResponses
 * (2.0 only), IdentitySource (`$request.header.X`, `$request.querystring.x`, `$stageVariables.x`), TTL 0 to 3,600 s
 * (default 0: decision, the API reference gives no default; caching then needs an identity source). JWT is not
 * simulated yet.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpAuthorizer } from "../../apigateway-types.ts";
import { lambdaFunctionOfUri } from "../../requests/lambda-uri.ts";
import { findHttpApi } from "./http-lookup.ts";

const SOURCE = /^\$(request\.(header|querystring)|stageVariables)\.[A-Za-z0-9_.-]+$/;

export interface HttpAuthorizerSummary {
  AuthorizerId: string;
  Name: string;
  AuthorizerType: "REQUEST";
  AuthorizerUri: string;
  AuthorizerPayloadFormatVersion: string;
  EnableSimpleResponses: boolean;
  IdentitySource: string[];
  AuthorizerResultTtlInSeconds: number;
}

export function createHttpAuthorizer(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpAuthorizerSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  if (typeof params.Name !== "string" || params.Name === "") return badRequest("Name is required");
  if (params.AuthorizerType === "JWT") return badRequest("JWT authorizers are not simulated yet; use REQUEST (a Lambda function)");
  if (params.AuthorizerType !== "REQUEST") return badRequest(`Invalid authorizer type ${String(params.AuthorizerType)}. Valid values are REQUEST, JWT`);
  if (typeof params.AuthorizerUri !== "string" || lambdaFunctionOfUri(params.AuthorizerUri) === undefined) return badRequest("Invalid authorizer URI specified");
  const version = params.AuthorizerPayloadFormatVersion;
  if (version !== "1.0" && version !== "2.0") return badRequest("AuthorizerPayloadFormatVersion is required for REQUEST authorizers and must be 1.0 or 2.0");
  if (params.EnableSimpleResponses === true && version !== "2.0") return badRequest("Simple responses are only supported for payload format version 2.0");
  const sources = Array.isArray(params.IdentitySource) ? (params.IdentitySource as unknown[]) : [];
  if (!sources.every((source): source is string => typeof source === "string" && SOURCE.test(source))) return badRequest(`Invalid identity source specified: ${JSON.stringify(sources)}`);
  const ttl = params.AuthorizerResultTtlInSeconds ?? 0;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600) return badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600");
  if (ttl > 0 && sources.length === 0) return badRequest("Identity source is required when authorizer caching is enabled");
  const authorizer: HttpAuthorizer = {
    id: newId(context, 6),
    name: params.Name,
    functionUri: params.AuthorizerUri,
    payloadFormatVersion: version,
    simpleResponses: params.EnableSimpleResponses === true,
    identitySources: sources,
    ttlSeconds: ttl,
    cache: new Map(),
  };
  api.value.authorizers.set(authorizer.id, authorizer);
  return ok({
    AuthorizerId: authorizer.id,
    Name: authorizer.name,
    AuthorizerType: "REQUEST",
    AuthorizerUri: authorizer.functionUri,
    AuthorizerPayloadFormatVersion: version,
    EnableSimpleResponses: authorizer.simpleResponses,
    IdentitySource: [...sources],
    AuthorizerResultTtlInSeconds: ttl,
  });
}
