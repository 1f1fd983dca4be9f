/**
 * CreateApiKey (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApiKey.html) and GetApiKeys. A key is
 * disabled unless `enabled: true` (the API's default is false). A given value must be 20 to 128 alphanumeric
 * characters (AWS-FACTS C.5 item 28); otherwise API Gateway makes a 40-character one. GetApiKeys shows values
 * only with includeValues.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, conflict, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { ApiKey } from "../../apigateway-types.ts";

export interface ApiKeySummary {
  id: string;
  name: string;
  value?: string;
  enabled: boolean;
  createdDate: Date;
}

function summarize(key: ApiKey, withValue: boolean): ApiKeySummary {
  return { id: key.id, name: key.name, ...(withValue ? { value: key.value } : {}), enabled: key.enabled, createdDate: new Date(key.createdDate) };
}

export function createApiKey(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<ApiKeySummary> {
  const params = asParams(input);
  if (params.name !== undefined && (typeof params.name !== "string" || params.name.length > 1024)) return badRequest("API key name must be a string of at most 1024 characters");
  if (params.value !== undefined && (typeof params.value !== "string" || !/^[A-Za-z0-9]{20,128}$/.test(params.value))) {
    return badRequest("API Key value should be at least 20 characters");
  }
  if (typeof params.value === "string" && [...context.apiKeys.values()].some((key) => key.value === params.value)) return conflict("API Key already exists");
  const id = newId(context, 10);
  const key: ApiKey = {
    id,
    name: typeof params.name === "string" ? params.name : id,
    value: typeof params.value === "string" ? params.value : `${context.ids.hex(20)}${context.ids.hex(20)}`,
    enabled: params.enabled === true,
    createdDate: context.clock.now(),
  };
  context.apiKeys.set(id, key);
  return ok(summarize(key, true));
}

export function getApiKeys(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ items: ApiKeySummary[] }> {
  const withValues = asParams(input).includeValues === true;
  return ok({ items: [...context.apiKeys.values()].map((key) => summarize(key, withValues)) });
}
