/** PutMethod (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html): an HTTP verb (or ANY) on a resource. */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, conflict, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findResource, findRestApi } from "./rest-lookup.ts";

export const REST_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;
const AUTHORIZATION_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"];

export interface MethodSummary {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  authorizerId?: string;
  authorizationScopes?: string[];
}

export function putMethod(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<MethodSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const resource = findResource(api.value, params.resourceId);
  if (!resource.ok) return resource;
  const httpMethod = params.httpMethod;
  if (typeof httpMethod !== "string" || !(REST_METHODS as readonly string[]).includes(httpMethod)) {
    return badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
  }
  const authorizationType = params.authorizationType;
  if (typeof authorizationType !== "string" || !AUTHORIZATION_TYPES.includes(authorizationType)) {
    return badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
  }
  if (authorizationType === "AWS_IAM") {
    // Not simulated yet: refuse rather than let every caller through.
    return badRequest(`authorizationType ${authorizationType} is not simulated yet; use NONE, CUSTOM (a Lambda authorizer) or COGNITO_USER_POOLS`);
  }
  const needsAuthorizer = authorizationType === "CUSTOM" || authorizationType === "COGNITO_USER_POOLS";
  const authorizerId = needsAuthorizer && typeof params.authorizerId === "string" ? params.authorizerId : undefined;
  const authorizer = authorizerId === undefined ? undefined : api.value.authorizers.get(authorizerId);
  if (needsAuthorizer && (authorizer === undefined || (authorizer.type === "COGNITO_USER_POOLS") !== (authorizationType === "COGNITO_USER_POOLS"))) {
    return badRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
  }
  const scopes = params.authorizationScopes ?? [];
  if (!Array.isArray(scopes) || !scopes.every((scope): scope is string => typeof scope === "string")) return badRequest("authorizationScopes must be a list of scope names");
  if (scopes.length > 0 && authorizationType !== "COGNITO_USER_POOLS") return badRequest("Authorization scopes are supported only for COGNITO_USER_POOLS authorizers");
  if (resource.value.methods.has(httpMethod)) return conflict("Method already exists for this resource");
  const apiKeyRequired = params.apiKeyRequired === true;
  resource.value.methods.set(httpMethod, { httpMethod, authorizationType, apiKeyRequired, authorizerId, authorizationScopes: scopes, methodResponses: new Set() });
  return ok({ httpMethod, authorizationType, apiKeyRequired, ...(authorizerId === undefined ? {} : { authorizerId }), ...(scopes.length === 0 ? {} : { authorizationScopes: [...scopes] }) });
}
