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
  if (authorizationType === "AWS_IAM" || authorizationType === "COGNITO_USER_POOLS") {
    // Not simulated yet: refuse rather than let every caller through.
    return badRequest(`authorizationType ${authorizationType} is not simulated yet; use NONE or CUSTOM (a Lambda authorizer)`);
  }
  const authorizerId = authorizationType === "CUSTOM" && typeof params.authorizerId === "string" ? params.authorizerId : undefined;
  if (authorizationType === "CUSTOM" && (authorizerId === undefined || !api.value.authorizers.has(authorizerId))) {
    return badRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
  }
  if (resource.value.methods.has(httpMethod)) return conflict("Method already exists for this resource");
  const apiKeyRequired = params.apiKeyRequired === true;
  resource.value.methods.set(httpMethod, { httpMethod, authorizationType, apiKeyRequired, authorizerId, methodResponses: new Set() });
  return ok({ httpMethod, authorizationType, apiKeyRequired, ...(authorizerId === undefined ? {} : { authorizerId }) });
}
