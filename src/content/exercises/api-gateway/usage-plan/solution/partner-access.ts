import { APIGatewayClient, CreateApiKeyCommand, CreateUsagePlanCommand, CreateUsagePlanKeyCommand } from "@aws-sdk/client-api-gateway";

const apigateway = new APIGatewayClient({});

export interface PartnerAccess {
  apiKey: string;
  usagePlanId: string;
}

export async function grantPartnerAccess(restApiId: string, partnerName: string): Promise<PartnerAccess> {
  const key = await apigateway.send(new CreateApiKeyCommand({ name: partnerName, enabled: true }));
  const plan = await apigateway.send(
    new CreateUsagePlanCommand({
      name: `${partnerName}-plan`,
      apiStages: [{ apiId: restApiId, stage: "prod" }],
      throttle: { rateLimit: 2, burstLimit: 5 },
      quota: { limit: 20, period: "DAY" },
    }),
  );
  await apigateway.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id!, keyId: key.id!, keyType: "API_KEY" }));
  return { apiKey: key.value!, usagePlanId: plan.id! };
}

export async function partnerGet(url: string, apiKey: string): Promise<Response> {
  return fetch(url, { headers: { "x-api-key": apiKey } });
}
