import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { meteredRequests, monthlyCost } from "./bill";

/** A sandbox with a function behind an HTTP API (GET /ping) and a REST API (GET /prod/ping); their URLs. */
async function givenTwoApis() {
  const sb = createSandbox({ seed: 17 });
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "ping", handler: async () => ({ statusCode: 200, body: "pong" }) });
  const lambda = new LambdaClient({});
  const allow = (apiId: string) =>
    lambda.send(new AddPermissionCommand({ FunctionName: "ping", StatementId: `api-${apiId}`, Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*` }));

  const http = new ApiGatewayV2Client({});
  const { ApiId = "", ApiEndpoint = "" } = await http.send(new CreateApiCommand({ Name: "http-shop", ProtocolType: "HTTP" }));
  await allow(ApiId);
  const { IntegrationId } = await http.send(new CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn, PayloadFormatVersion: "2.0" }));
  await http.send(new CreateRouteCommand({ ApiId, RouteKey: "GET /ping", Target: `integrations/${IntegrationId}` }));
  await http.send(new CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));

  const rest = new APIGatewayClient({});
  const { id: restApiId = "", rootResourceId = "" } = await rest.send(new CreateRestApiCommand({ name: "rest-shop" }));
  await allow(restApiId);
  const { id: resourceId = "" } = await rest.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "ping" }));
  await rest.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
  await rest.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FunctionArn}/invocations` }));
  await rest.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  return { sb, httpUrl: `${ApiEndpoint}/ping`, restUrl: `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod/ping` };
}

describe("pricing API Gateway requests", () => {
  it("prices a sample run as the sandbox bills it", async () => {
    const { sb, httpUrl, restUrl } = await givenTwoApis();
    for (let i = 0; i < 30; i++) await fetch(httpUrl);
    for (let i = 0; i < 20; i++) await fetch(restUrl);
    const bill = sb.apigateway.bill();
    for (const line of bill.lines) {
      expect(
        monthlyCost(line.protocol, line.requests, 1),
        `the sandbox billed ${line.requests} ${line.protocol} API requests of 1 KB at $${line.totalUsd}: REST costs $3.50 and HTTP $1.00 per million requests in the first tier`,
      ).toBeCloseTo(line.totalUsd, 10);
    }
    expect(bill.lines.map((line) => line.protocol).sort(), "the run called both APIs").toEqual(["HTTP", "REST"]);
  });

  it("meters HTTP API requests in 512 KB steps, REST requests once each", () => {
    expect(meteredRequests("HTTP", 1000, 1), "1 KB requests count once").toBe(1000);
    expect(meteredRequests("HTTP", 1000, 512), "512 KB is one step").toBe(1000);
    expect(meteredRequests("HTTP", 1000, 513), "513 KB is two steps: each request counts twice").toBe(2000);
    expect(meteredRequests("HTTP", 10, 2048), "2048 KB is four steps").toBe(40);
    expect(meteredRequests("REST", 10, 2048), "a REST API counts each request once, whatever its size").toBe(10);
  });

  it("applies the volume tiers of a big month", () => {
    expect(monthlyCost("REST", 1_000_000_000, 4), "1 billion REST requests: 333 million at $3.50 and 667 million at $2.80 per million").toBeCloseTo(333 * 3.5 + 667 * 2.8, 6);
    expect(monthlyCost("HTTP", 500_000_000, 4), "500 million HTTP requests: 300 million at $1.00 and 200 million at $0.90 per million").toBeCloseTo(300 + 200 * 0.9, 6);
    expect(monthlyCost("HTTP", 400_000_000, 600), "400 million HTTP requests of 600 KB meter as 800 million: 300 at $1.00, 500 at $0.90").toBeCloseTo(300 + 500 * 0.9, 6);
  });
});
