/**
 * CreateAuthorizer (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html), Lambda authorizers:
 * TOKEN (identitySource one header, default "method.request.header.Authorization") and REQUEST (a comma-separated
 * list of method.request.header.X, method.request.querystring.x, stageVariables.x). TTL 0 to 3,600 s, default 300
 * (AWS-FACTS C.5 item 29). COGNITO_USER_POOLS: `providerARNs` (user pools,
 * arn:aws:cognito-idp:{region}:{account}:userpool/{userPoolId}) and one header identity source; tokens come from
 * `sb.world.identity.issueJwt` with the pool's issuer.
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import { newId, type ApiGatewayContext } from "../apigateway-context.ts";
import type { CognitoAuthorizer } from "../apigateway-types.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { lambdaFunctionOfUri } from "../requests/lambda-uri.ts";
import { findRestApi } from "./rest-lookup.ts";

export type AuthorizerSummary =
  | { id: string; name: string; type: "TOKEN" | "REQUEST"; authorizerUri: string; identitySource: string; authorizerResultTtlInSeconds: number }
  | { id: string; name: string; type: "COGNITO_USER_POOLS"; providerARNs: string[]; identitySource: string };

const USER_POOL_ARN = /^arn:aws:cognito-idp:([a-z0-9-]+):\d{12}:userpool\/([A-Za-z0-9-]+_[A-Za-z0-9]+)$/;

function createCognitoAuthorizer(context: ApiGatewayContext, authorizers: Map<string, unknown>, name: string, params: Record<string, unknown>): ApiGatewayOutcome<AuthorizerSummary> {
  const arns = Array.isArray(params.providerARNs) ? (params.providerARNs as unknown[]) : [];
  const pools = arns.map((arn) => (typeof arn === "string" ? USER_POOL_ARN.exec(arn) : null));
  if (pools.length === 0 || pools.some((pool) => pool === null)) {
    return badRequest("Invalid providerARNs specified: a COGNITO_USER_POOLS authorizer needs user pool ARNs (arn:aws:cognito-idp:{region}:{account}:userpool/{userPoolId})");
  }
  const identitySource = params.identitySource ?? "method.request.header.Authorization";
  if (typeof identitySource !== "string" || !/^method\.request\.header\.[A-Za-z0-9_-]+$/.test(identitySource)) return badRequest(`Invalid identity source specified: ${String(identitySource)}`);
  const authorizer: CognitoAuthorizer = {
    type: "COGNITO_USER_POOLS",
    id: newId(context, 6),
    name,
    providerArns: arns as string[],
    issuers: pools.map((pool) => `https://cognito-idp.${pool![1]}.amazonaws.com/${pool![2]}`),
    identitySource,
  };
  authorizers.set(authorizer.id, authorizer);
  return ok({ id: authorizer.id, name, type: "COGNITO_USER_POOLS", providerARNs: [...authorizer.providerArns], identitySource });
}

const SOURCE = /^(method\.request\.(header|querystring)\.[A-Za-z0-9_.-]+|stageVariables\.[A-Za-z0-9_]+)$/;

export function createAuthorizer(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<AuthorizerSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  if (typeof params.name !== "string" || params.name === "") return badRequest("Authorizer name must be specified");
  if (params.type === "COGNITO_USER_POOLS") return createCognitoAuthorizer(context, api.value.authorizers, params.name, params);
  if (params.type !== "TOKEN" && params.type !== "REQUEST") return badRequest(`Invalid authorizer type ${String(params.type)}. Valid values are TOKEN, REQUEST, COGNITO_USER_POOLS`);
  if (typeof params.authorizerUri !== "string" || lambdaFunctionOfUri(params.authorizerUri) === undefined) return badRequest("Invalid Authorizer URI specified");
  const identitySource = params.identitySource ?? (params.type === "TOKEN" ? "method.request.header.Authorization" : undefined);
  const ttl = params.authorizerResultTtlInSeconds ?? 300;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600) return badRequest("Authorizer result TTL must be between 0 and 3600 seconds");
  const sources = typeof identitySource === "string" ? identitySource.split(",").map((source) => source.trim()) : [];
  if (params.type === "TOKEN" && (sources.length !== 1 || !sources[0]?.startsWith("method.request.header."))) {
    return badRequest("Invalid identity source specified: a TOKEN authorizer takes one method.request.header.* source");
  }
  if ((ttl > 0 && sources.length === 0) || !sources.every((source) => SOURCE.test(source))) {
    return badRequest(`Invalid identity source specified: ${String(identitySource)}`, "Name one or more of method.request.header.X, method.request.querystring.x, stageVariables.x (required when caching).");
  }
  const authorizer = { id: newId(context, 6), name: params.name, type: params.type as "TOKEN" | "REQUEST", functionUri: params.authorizerUri, identitySources: sources, ttlSeconds: ttl, cache: new Map() } as const;
  api.value.authorizers.set(authorizer.id, authorizer);
  return ok({ id: authorizer.id, name: authorizer.name, type: authorizer.type, authorizerUri: authorizer.functionUri, identitySource: sources.join(","), authorizerResultTtlInSeconds: ttl });
}
