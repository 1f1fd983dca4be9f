import { APIGatewayClient, CreateApiKeyCommand, CreateUsagePlanCommand, CreateUsagePlanKeyCommand } from "@aws-sdk/client-api-gateway";

const apigateway = new APIGatewayClient({});

export interface PartnerAccess {
  /** The API key's value, which the partner sends as the x-api-key header. */
  apiKey: string;
  usagePlanId: string;
}

/**
 * Gives the partner `partnerName` access to the prod stage of the REST API `restApiId`:
 * an enabled API key in a usage plan that allows 2 requests per second (burst 5) and
 * 20 requests per day.
 */
export async function grantPartnerAccess(restApiId: string, partnerName: string): Promise<PartnerAccess> {
  // TODO 1: create the key, the usage plan for prod, and put the key in the plan.
  return { apiKey: "", usagePlanId: "" };
}

/** The partner's side: GET `url` with the API key. */
export async function partnerGet(url: string, apiKey: string): Promise<Response> {
  // TODO 2: send the key.
  return fetch(url);
}
