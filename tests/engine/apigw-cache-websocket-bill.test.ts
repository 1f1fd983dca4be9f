/**
 * The API Gateway bill beyond requests: WebSocket messages (32 KB units, both directions) and connection minutes,
 * and REST stage cache hours by size, set up with the real SDK clients and seen in sb.apigateway.bill() and the
 * sandbox's itemised bill.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, sandboxBill, type LambdaHandler } from "sandbox-engine";
import * as rest from "sandbox-engine/aws/client-api-gateway";
import * as v2 from "sandbox-engine/aws/client-apigatewayv2";
import * as management from "sandbox-engine/aws/client-apigatewaymanagementapi";
import { allowApi, fnArn, proxyUri } from "./apigw-helpers.ts";
import { errorOf } from "./sqs-helpers.ts";

/** A WebSocket API whose $connect refuses `?deny`, whose $default echoes the message back (a route response). */
async function givenEchoApi() {
  const sb = createSandbox();
  const apigw = new v2.ApiGatewayV2Client({ maxAttempts: 1 });
  const { ApiId = "", ApiEndpoint } = await apigw.send(new v2.CreateApiCommand({ Name: "echo", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
  const handlers: Record<string, LambdaHandler> = {
    $connect: async (event: any) => ({ statusCode: event.queryStringParameters?.deny === undefined ? 200 : 403 }),
    $default: async (event: any) => ({ statusCode: 200, body: event.body }),
  };
  for (const [routeKey, handler] of Object.entries(handlers)) {
    const name = `echo-${routeKey.slice(1)}`;
    sb.lambda.createFunction({ FunctionName: name, handler });
    allowApi(sb, name, ApiId);
    const { IntegrationId } = await apigw.send(new v2.CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(name) }));
    await apigw.send(new v2.CreateRouteCommand({ ApiId, RouteKey: routeKey, Target: `integrations/${IntegrationId}`, RouteResponseSelectionExpression: "$default" }));
  }
  await apigw.send(new v2.CreateStageCommand({ ApiId, StageName: "prod", AutoDeploy: true }));
  const pushes = new management.ApiGatewayManagementApiClient({ endpoint: `https://${ApiId}.execute-api.us-east-1.amazonaws.com/prod`, maxAttempts: 1 });
  return { sb, apiId: ApiId, wss: `${ApiEndpoint}/prod`, management: pushes };
}

describe("WebSocket API bill", () => {
  it("bills messages both ways in 32 KB units at $1.00 per million, and connection minutes at $0.25 per million", async () => {
    const { sb, apiId, wss, management: api } = await givenEchoApi();
    expect(await errorOf(sb.apigateway.connect(`${wss}?deny=1`))).toMatchObject({ status: 403 });
    const ana = await sb.apigateway.connect(wss);
    const bo = await sb.apigateway.connect(wss);
    await ana.send("hi"); // in 1, echoed out 1
    const forty = "x".repeat(40 * 1024);
    await ana.send(forty.slice(0, 20 * 1024), { fin: false });
    await ana.send(forty.slice(20 * 1024)); // one 40 KB message: in 2, echoed out 2
    await api.send(new management.PostToConnectionCommand({ ConnectionId: bo.connectionId, Data: "y".repeat(70 * 1024) })); // out 3
    await sb.clock.advance(90_000);
    await ana.close(); // 1.5 minutes: 2
    await sb.clock.advance(60_000);
    // bo is still open after 2.5 minutes: 3 so far.
    const bill = sb.apigateway.bill();
    expect(bill.webSocket).toEqual([{ apiId, messages: 9, messagesUsd: expect.closeTo(9e-6, 15), connectionMinutes: 5, connectionMinutesUsd: expect.closeTo(5 * 0.25e-6, 15) }]);
    expect(bill.lines).toEqual([]);
    expect(bill.totalUsd).toBeCloseTo(9e-6 + 1.25e-6, 15);
    const items = sandboxBill(sb).lines.filter((line) => line.service === "API Gateway");
    expect(items.map(({ item, quantity }) => [item, quantity])).toEqual([
      [`WebSocket API ${apiId} messages (32 KB units)`, 9],
      [`WebSocket API ${apiId} connection minutes`, 5],
    ]);
    expect(items.every((line) => line.source === "https://aws.amazon.com/api-gateway/pricing/")).toBe(true);
    await bo.close();
    expect(sb.apigateway.bill().webSocket[0]).toMatchObject({ messages: 9, connectionMinutes: 5 });
  });
});

describe("REST stage cache bill", () => {
  it("bills the hours a stage cache runs, by its size ($0.020 an hour for 0.5 GB, $0.038 for 1.6 GB), whether or not it is hit", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "prices", handler: async () => ({ statusCode: 200, body: "[]" }) });
    const client = new rest.APIGatewayClient({ maxAttempts: 1 });
    const { id: restApiId = "", rootResourceId = "" } = await client.send(new rest.CreateRestApiCommand({ name: "shop" }));
    allowApi(sb, "prices", restApiId);
    const { id: resourceId = "" } = await client.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "prices" }));
    await client.send(new rest.PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
    await client.send(new rest.PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("prices") }));
    const badSize = await errorOf(client.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod", cacheClusterEnabled: true, cacheClusterSize: "2" as rest.CacheClusterSize })));
    expect(badSize).toBeInstanceOf(rest.BadRequestException);
    expect(badSize.message).toMatch(/^Invalid cache cluster size specified/);
    const { id: deploymentId = "" } = await client.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod", cacheClusterEnabled: true }));
    await client.send(new rest.CreateStageCommand({ restApiId, stageName: "dev", deploymentId }));
    expect(await client.send(new rest.GetStageCommand({ restApiId, stageName: "prod" }))).toMatchObject({ cacheClusterEnabled: true, cacheClusterSize: "0.5", cacheClusterStatus: "AVAILABLE" });
    expect(await client.send(new rest.GetStageCommand({ restApiId, stageName: "dev" }))).toMatchObject({ cacheClusterEnabled: false, cacheClusterStatus: "NOT_AVAILABLE" });

    await sb.clock.advance(30 * 60_000);
    const resized = await client.send(new rest.UpdateStageCommand({ restApiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterSize", value: "1.6" }] }));
    expect(resized).toMatchObject({ cacheClusterSize: "1.6" });
    await sb.clock.advance(60 * 60_000);
    await client.send(new rest.UpdateStageCommand({ restApiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterEnabled", value: "false" }] }));
    await sb.clock.advance(5 * 60 * 60_000);
    const bill = sb.apigateway.bill();
    expect(bill.cache).toEqual([
      { apiId: restApiId, stage: "prod", sizeGb: "0.5", hours: expect.closeTo(0.5, 12), totalUsd: expect.closeTo(0.01, 12) },
      { apiId: restApiId, stage: "prod", sizeGb: "1.6", hours: expect.closeTo(1, 12), totalUsd: expect.closeTo(0.038, 12) },
    ]);
    expect(bill.totalUsd).toBeCloseTo(0.048, 12);
    expect(sandboxBill(sb).lines.map(({ item, quantity }) => [item, quantity])).toEqual([
      [`cache hours, 0.5 GB, ${restApiId}/prod`, 0.5],
      [`cache hours, 1.6 GB, ${restApiId}/prod`, 1],
    ]);
    const wrongSize = await errorOf(client.send(new rest.UpdateStageCommand({ restApiId, stageName: "dev", patchOperations: [{ op: "replace", path: "/cacheClusterSize", value: "1" }] })));
    expect(wrongSize).toBeInstanceOf(rest.BadRequestException);
  });

  it("meters a cache still running up to now, and one turned on with UpdateStage", async () => {
    const sb = createSandbox();
    const client = new rest.APIGatewayClient({ maxAttempts: 1 });
    const { id: restApiId = "", rootResourceId = "" } = await client.send(new rest.CreateRestApiCommand({ name: "mock" }));
    const mock = { restApiId, resourceId: rootResourceId, httpMethod: "GET" };
    await client.send(new rest.PutMethodCommand({ ...mock, authorizationType: "NONE" }));
    await client.send(new rest.PutIntegrationCommand({ ...mock, type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } }));
    await client.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod" }));
    await sb.clock.advance(60 * 60_000);
    expect(sb.apigateway.bill().cache).toEqual([]);
    await client.send(new rest.UpdateStageCommand({ restApiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterEnabled", value: "true" }, { op: "replace", path: "/cacheClusterSize", value: "6.1" }] }));
    await sb.clock.advance(2 * 60 * 60_000);
    expect(sb.apigateway.bill().cache).toEqual([{ apiId: restApiId, stage: "prod", sizeGb: "6.1", hours: 2, totalUsd: expect.closeTo(0.4, 12) }]);
  });
});
