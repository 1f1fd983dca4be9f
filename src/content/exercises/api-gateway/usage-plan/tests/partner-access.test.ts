import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { grantPartnerAccess, partnerGet, type PartnerAccess } from "./partner-access";

let sb: ReturnType<typeof createSandbox>;
let url: string;
let access: PartnerAccess;

beforeEach(async () => {
  sb = createSandbox({ seed: 19 });
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "stock", handler: async () => ({ statusCode: 200, body: JSON.stringify({ sku: "lamp-1", inStock: 12 }) }) });
  // REST API "shop": GET /stock requires an API key; stage prod.
  const apigw = new APIGatewayClient({});
  const { id: restApiId = "", rootResourceId = "" } = await apigw.send(new CreateRestApiCommand({ name: "shop" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "stock", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${restApiId}/*` }),
  );
  const { id: resourceId = "" } = await apigw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "stock" }));
  await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE", apiKeyRequired: true }));
  await apigw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FunctionArn}/invocations` }));
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  url = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod/stock`;
  access = await grantPartnerAccess(restApiId, "acme");
});

async function describeCall(response: Response): Promise<string> {
  return `GET /prod/stock answered ${response.status} ${(await response.clone().text()).slice(0, 100)}`;
}

describe("a partner's usage plan", () => {
  it("lets the partner in with the key, and no one without it", async () => {
    const anonymous = await fetch(url);
    expect(anonymous.status, `${await describeCall(anonymous)} without a key: the method requires one`).toBe(403);
    const partner = await partnerGet(url, access.apiKey);
    expect(partner.status, `${await describeCall(partner)} with the partner's key "${access.apiKey}": create an enabled key, a usage plan for the prod stage, and put the key in the plan; send the key as x-api-key`).toBe(200);
  });

  it("throttles the partner at a burst of 5", async () => {
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => partnerGet(url, access.apiKey)))).map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length, `8 requests at once got ${JSON.stringify(statuses)}: the plan's burst limit should let 5 through`).toBe(5);
    expect(statuses.filter((status) => status === 429).length, `8 requests at once got ${JSON.stringify(statuses)}: the rest are throttled with 429`).toBe(3);
  });

  it("stops the partner after 20 requests a day, until the next day", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await partnerGet(url, access.apiKey)).status);
      await sb.clock.advance(1_000);
    }
    expect(statuses.slice(0, 20).every((status) => status === 200), `the first 20 requests of the day got ${JSON.stringify(statuses.slice(0, 20))}`).toBe(true);
    const over = await partnerGet(url, access.apiKey);
    expect(over.status, `${await describeCall(over)}: request 22 of the day is over a quota of 20`).toBe(429);
    expect(await over.json(), "an exhausted quota answers Limit Exceeded").toEqual({ message: "Limit Exceeded" });
    await sb.clock.advance(24 * 3600_000);
    const tomorrow = await partnerGet(url, access.apiKey);
    expect(tomorrow.status, `${await describeCall(tomorrow)}: a new day, a new quota`).toBe(200);
  });
});
