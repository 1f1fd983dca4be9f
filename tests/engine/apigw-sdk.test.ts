/**
 * API Gateway through the real @aws-sdk/client-api-gateway (REST APIs) and @aws-sdk/client-apigatewayv2 (HTTP APIs)
 * over the simulated REST-JSON wire: every operation, the fields the engine answered reach the caller, the APIs
 * built this way answer at their execute-api URLs, and bad input gets AWS's exception class and message.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";
import * as rest from "sandbox-engine/aws/client-api-gateway";
import * as v2 from "sandbox-engine/aws/client-apigatewayv2";
import { apiGatewayOperationNames } from "../../sandbox-engine/src/apigateway/wire/api-gateway-rest-protocol.ts";
import { apiGatewayV2OperationNames } from "../../sandbox-engine/src/apigateway/wire/apigatewayv2-rest-protocol.ts";
import { allowApi, fnArn, proxyUri } from "./apigw-helpers.ts";
import { droppedFields } from "./sdk-fields.ts";
import { errorOf } from "./sqs-helpers.ts";

/** `service` with each method's successful answers recorded by operation name ("createRestApi" -> "CreateRestApi"). */
function recording<T extends object>(service: T, answers: Map<string, unknown>): T {
  const copy: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(service)) {
    if (typeof member !== "function") continue;
    const operation = name[0]!.toUpperCase() + name.slice(1);
    copy[name] = (...args: unknown[]) => {
      const outcome = (member as (...a: unknown[]) => { ok: boolean; value?: unknown }).apply(service, args);
      if (outcome.ok) answers.set(operation, outcome.value);
      return outcome;
    };
  }
  return { ...service, ...copy };
}

/**
 * A sandbox whose `apigateway` (and `v2`) record what each engine call answered, and clients bound to it: each
 * `run` sends a command and checks that every field the engine answered reached the caller (a field the SDK's
 * model does not know, e.g. a misspelt name, would be dropped silently by its deserializer).
 */
function given() {
  const sb = createSandbox();
  const answers = new Map<string, unknown>();
  const service = recording(sb.apigateway, answers);
  const observed = { ...sb, apigateway: { ...service, v2: recording(sb.apigateway.v2, answers) } } as Sandbox;
  const sent = new Set<string>();
  const run = async (client: { send(command: never): Promise<unknown> }, operation: string, command: object): Promise<Record<string, any>> => {
    answers.delete(operation);
    const output = (await client.send(command as never)) as Record<string, any>;
    sent.add(operation);
    const { $metadata: _, ...fields } = output;
    expect(answers.has(operation), `${operation} reached the engine`).toBe(true);
    expect(droppedFields(answers.get(operation), fields), `${operation}: engine fields the SDK did not deliver`).toEqual([]);
    return output;
  };
  // maxAttempts 1: a LimitExceeded/TooManyRequests answer is an error to see, not one for the SDK to retry.
  const apigw = new rest.APIGatewayClient({ sandbox: observed, maxAttempts: 1 });
  const apigwv2 = new v2.ApiGatewayV2Client({ sandbox: observed, maxAttempts: 1 });
  return {
    sb,
    apigw,
    apigwv2,
    sent,
    rest: (operation: string, command: object) => run(apigw, operation, command),
    http: (operation: string, command: object) => run(apigwv2, operation, command),
  };
}

describe("@aws-sdk/client-api-gateway (REST APIs)", () => {
  it("builds, deploys and calls a Lambda proxy API with every operation, and delivers every field the engine answers", async () => {
    const { sb, rest: run, sent } = given();
    sb.lambda.createFunction({ FunctionName: "orders", handler: async (event: { pathParameters: unknown }) => ({ statusCode: 200, body: JSON.stringify(event.pathParameters) }) });
    const api = await run("CreateRestApi", new rest.CreateRestApiCommand({ name: "orders", description: "the orders API" }));
    expect(api).toMatchObject({ name: "orders", description: "the orders API", id: expect.stringMatching(/^[a-z0-9]{10}$/), createdDate: expect.any(Date) });
    const restApiId = api.id as string;
    allowApi(sb, "orders", restApiId);
    const apis = await run("GetRestApis", new rest.GetRestApisCommand({}));
    expect(apis.items.map((item: { id: string }) => item.id)).toEqual([restApiId]);
    const orders = await run("CreateResource", new rest.CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: "orders" }));
    expect(orders).toMatchObject({ path: "/orders", pathPart: "orders", parentId: api.rootResourceId });
    const byId = await run("CreateResource", new rest.CreateResourceCommand({ restApiId, parentId: orders.id, pathPart: "{id}" }));
    const draft = await run("CreateResource", new rest.CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: "drafts" }));
    await run("DeleteResource", new rest.DeleteResourceCommand({ restApiId, resourceId: draft.id }));
    const method = { restApiId, resourceId: byId.id as string, httpMethod: "GET" };
    await run("PutMethod", new rest.PutMethodCommand({ ...method, authorizationType: "NONE" }));
    await run("PutMethodResponse", new rest.PutMethodResponseCommand({ ...method, statusCode: "200" }));
    const integration = await run("PutIntegration", new rest.PutIntegrationCommand({ ...method, type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("orders") }));
    expect(integration).toMatchObject({ type: "AWS_PROXY", uri: proxyUri("orders"), timeoutInMillis: 29_000 });
    const resources = await run("GetResources", new rest.GetResourcesCommand({ restApiId }));
    expect(resources.items.map((item: { path: string }) => item.path).sort()).toEqual(["/", "/orders", "/orders/{id}"]);
    expect(resources.items.find((item: { path: string }) => item.path === "/orders/{id}").resourceMethods).toEqual({ GET: {} });
    // A MOCK method answers its integration response's template.
    const health = await run("CreateResource", new rest.CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: "health" }));
    const mock = { restApiId, resourceId: health.id as string, httpMethod: "GET" };
    await run("PutMethod", new rest.PutMethodCommand({ ...mock, authorizationType: "NONE" }));
    await run("PutIntegration", new rest.PutIntegrationCommand({ ...mock, type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } }));
    await run("PutMethodResponse", new rest.PutMethodResponseCommand({ ...mock, statusCode: "200" }));
    await run("PutIntegrationResponse", new rest.PutIntegrationResponseCommand({ ...mock, statusCode: "200", responseTemplates: { "application/json": '{"status":"ok"}' } }));
    const deployment = await run("CreateDeployment", new rest.CreateDeploymentCommand({ restApiId, stageName: "prod", variables: { table: "orders-prod" } }));
    expect(deployment).toMatchObject({ id: expect.any(String), createdDate: expect.any(Date) });
    await run("CreateStage", new rest.CreateStageCommand({ restApiId, stageName: "dev", deploymentId: deployment.id, variables: { table: "orders-dev" } }));
    const stage = await run("GetStage", new rest.GetStageCommand({ restApiId, stageName: "dev" }));
    expect(stage).toMatchObject({ stageName: "dev", deploymentId: deployment.id, variables: { table: "orders-dev" } });
    const updated = await run("UpdateStage", new rest.UpdateStageCommand({
      restApiId,
      stageName: "dev",
      patchOperations: [
        { op: "replace", path: "/variables/table", value: "orders-dev-2" },
        { op: "replace", path: "/*/*/throttling/rateLimit", value: "5" },
        { op: "replace", path: "/cacheClusterEnabled", value: "true" },
      ],
    }));
    expect(updated).toMatchObject({ variables: { table: "orders-dev-2" }, cacheClusterEnabled: true });
    await run("FlushStageCache", new rest.FlushStageCacheCommand({ restApiId, stageName: "dev" }));
    await run("PutGatewayResponse", new rest.PutGatewayResponseCommand({ restApiId, responseType: "MISSING_AUTHENTICATION_TOKEN", statusCode: "404", responseTemplates: { "application/json": '{"error":"no such route"}' } }));
    await run("CreateAuthorizer", new rest.CreateAuthorizerCommand({ restApiId, name: "tokens", type: "TOKEN", authorizerUri: proxyUri("orders"), identitySource: "method.request.header.Authorization" }));
    const key = await run("CreateApiKey", new rest.CreateApiKeyCommand({ name: "partner", enabled: true }));
    expect(key).toMatchObject({ name: "partner", enabled: true, value: expect.any(String) });
    const keys = await run("GetApiKeys", new rest.GetApiKeysCommand({ includeValues: true }));
    expect(keys.items).toEqual([expect.objectContaining({ id: key.id, value: key.value })]);
    const plan = await run("CreateUsagePlan", new rest.CreateUsagePlanCommand({ name: "partners", apiStages: [{ apiId: restApiId, stage: "prod" }], quota: { limit: 100, period: "DAY" } }));
    expect(plan).toMatchObject({ name: "partners", apiStages: [{ apiId: restApiId, stage: "prod" }], quota: { limit: 100, period: "DAY" } });
    await run("CreateUsagePlanKey", new rest.CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: "API_KEY" }));
    const today = new Date(sb.clock.now()).toISOString().slice(0, 10);
    const usage = await run("GetUsage", new rest.GetUsageCommand({ usagePlanId: plan.id, startDate: today, endDate: today }));
    expect(usage).toMatchObject({ usagePlanId: plan.id, startDate: today, endDate: today });
    expect([...sent].sort()).toEqual([...apiGatewayOperationNames].sort());

    const base = `https://${restApiId}.execute-api.us-east-1.amazonaws.com`;
    const answer = await sb.apigateway.fetch(`${base}/prod/orders/42`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: "42" });
    expect(await (await sb.apigateway.fetch(`${base}/prod/health`)).json()).toEqual({ status: "ok" });
    expect((await sb.apigateway.fetch(`${base}/prod/drafts`)).status).toBe(403);
  });

  it("answers bad input with AWS's exception classes and messages", async () => {
    const { apigw } = given();
    const missingApi = await errorOf(apigw.send(new rest.GetResourcesCommand({ restApiId: "nope000000" })));
    expect(missingApi).toBeInstanceOf(rest.NotFoundException);
    expect(missingApi).toMatchObject({ name: "NotFoundException", message: "Invalid API identifier specified", $metadata: { httpStatusCode: 404 } });
    const { id: restApiId, rootResourceId } = await apigw.send(new rest.CreateRestApiCommand({ name: "orders" }));
    const badPart = await errorOf(apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "a/b" })));
    expect(badPart).toBeInstanceOf(rest.BadRequestException);
    expect(badPart.message).toMatch(/^Resource's path part only allow/);
    await apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "orders" }));
    const twice = await errorOf(apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "orders" })));
    expect(twice).toBeInstanceOf(rest.ConflictException);
    expect(twice).toMatchObject({ $metadata: { httpStatusCode: 409 } });
    const root = await errorOf(apigw.send(new rest.DeleteResourceCommand({ restApiId, resourceId: rootResourceId })));
    expect(root).toMatchObject({ name: "BadRequestException", message: "Cannot delete root resource" });
    const noStage = await errorOf(apigw.send(new rest.GetStageCommand({ restApiId, stageName: "prod" })));
    expect(noStage).toMatchObject({ name: "NotFoundException", message: "Invalid Stage identifier specified" });
    const nothingToDeploy = await errorOf(apigw.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod" })));
    expect(nothingToDeploy).toBeInstanceOf(rest.BadRequestException);
    const unnamed = await errorOf(apigw.send(new rest.CreateRestApiCommand({ name: "" })));
    expect(unnamed).toMatchObject({ name: "BadRequestException", message: "Invalid REST API name specified" });
  });

  it("DeleteResource removes the resource's subtree, and the next deployment stops serving it", async () => {
    const { sb, apigw } = given();
    const { id: restApiId, rootResourceId } = await apigw.send(new rest.CreateRestApiCommand({ name: "orders" }));
    const orders = await apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "orders" }));
    const item = await apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: orders.id, pathPart: "{id}" }));
    for (const resourceId of [orders.id!, item.id!]) {
      await apigw.send(new rest.PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
      await apigw.send(new rest.PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } }));
      await apigw.send(new rest.PutMethodResponseCommand({ restApiId, resourceId, httpMethod: "GET", statusCode: "200" }));
      await apigw.send(new rest.PutIntegrationResponseCommand({ restApiId, resourceId, httpMethod: "GET", statusCode: "200", responseTemplates: { "application/json": "{}" } }));
    }
    await apigw.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod" }));
    const url = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod/orders/7`;
    expect((await sb.apigateway.fetch(url)).status).toBe(200);
    await apigw.send(new rest.DeleteResourceCommand({ restApiId, resourceId: orders.id }));
    const { items } = await apigw.send(new rest.GetResourcesCommand({ restApiId }));
    expect(items!.map((resource) => resource.path)).toEqual(["/"]);
    expect((await sb.apigateway.fetch(url)).status, "still deployed until the next deployment").toBe(200);
    const gone = await errorOf(apigw.send(new rest.DeleteResourceCommand({ restApiId, resourceId: item.id })));
    expect(gone).toMatchObject({ name: "NotFoundException", message: "Invalid Resource identifier specified" });
  });
});

describe("@aws-sdk/client-apigatewayv2 (HTTP APIs)", () => {
  it("builds an HTTP API with every operation, delivers every field the engine answers, and the route answers", async () => {
    const { sb, http: run, sent } = given();
    sb.lambda.createFunction({ FunctionName: "orders", handler: async (event: { pathParameters?: Record<string, string> }) => ({ id: event.pathParameters?.id }) });
    const api = await run("CreateApi", new v2.CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
    const ApiId = api.ApiId as string;
    expect(api).toMatchObject({ Name: "shop", ProtocolType: "HTTP", ApiEndpoint: `https://${ApiId}.execute-api.us-east-1.amazonaws.com`, RouteSelectionExpression: "${request.method} ${request.path}", CreatedDate: expect.any(Date) });
    allowApi(sb, "orders", ApiId);
    await run("GetApis", new v2.GetApisCommand({}));
    const integration = await run("CreateIntegration", new v2.CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn("orders"), PayloadFormatVersion: "2.0" }));
    expect(integration).toMatchObject({ IntegrationType: "AWS_PROXY", PayloadFormatVersion: "2.0", IntegrationId: expect.any(String) });
    const route = await run("CreateRoute", new v2.CreateRouteCommand({ ApiId, RouteKey: "GET /orders/{id}", Target: `integrations/${integration.IntegrationId}` }));
    expect(route).toMatchObject({ RouteKey: "GET /orders/{id}", Target: `integrations/${integration.IntegrationId}`, RouteId: expect.any(String) });
    await run("CreateAuthorizer", new v2.CreateAuthorizerCommand({ ApiId, Name: "keys", AuthorizerType: "REQUEST", AuthorizerUri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn("orders")}/invocations`, AuthorizerPayloadFormatVersion: "2.0", EnableSimpleResponses: true, IdentitySource: ["$request.header.Authorization"] }));
    const stage = await run("CreateStage", new v2.CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 } }));
    expect(stage).toMatchObject({ StageName: "$default", AutoDeploy: true });
    await run("CreateStage", new v2.CreateStageCommand({ ApiId, StageName: "v1", StageVariables: { table: "orders-v1" } }));
    const deployment = await run("CreateDeployment", new v2.CreateDeploymentCommand({ ApiId, StageName: "v1" }));
    expect(deployment).toMatchObject({ DeploymentId: expect.any(String), DeploymentStatus: "DEPLOYED" });
    expect([...sent].sort()).toEqual([...apiGatewayV2OperationNames].sort());

    const answer = await sb.apigateway.fetch(`${api.ApiEndpoint}/orders/42`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: "42" });
    expect(await (await sb.apigateway.fetch(`${api.ApiEndpoint}/v1/orders/7`)).json()).toEqual({ id: "7" });
    expect((await sb.apigateway.fetch(`${api.ApiEndpoint}/nowhere`)).status).toBe(404);
  });

  it("answers bad input with AWS's exception classes and messages", async () => {
    const { apigwv2 } = given();
    const missing = await errorOf(apigwv2.send(new v2.CreateRouteCommand({ ApiId: "nope000000", RouteKey: "GET /" })));
    expect(missing).toBeInstanceOf(v2.NotFoundException);
    expect(missing).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    const badProtocol = await errorOf(apigwv2.send(new v2.CreateApiCommand({ Name: "shop", ProtocolType: "GRPC" as never })));
    expect(badProtocol).toBeInstanceOf(v2.BadRequestException);
    expect(badProtocol.message).toBe("Invalid protocol type GRPC. Valid values are HTTP, WEBSOCKET");
    const { ApiId } = await apigwv2.send(new v2.CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
    const noVersion = await errorOf(apigwv2.send(new v2.CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn("orders") })));
    expect(noVersion).toBeInstanceOf(v2.BadRequestException);
    await apigwv2.send(new v2.CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));
    const twice = await errorOf(apigwv2.send(new v2.CreateStageCommand({ ApiId, StageName: "$default" })));
    expect(twice).toBeInstanceOf(v2.ConflictException);
    expect(twice.message).toBe("Stage $default already exists");
  });
});

