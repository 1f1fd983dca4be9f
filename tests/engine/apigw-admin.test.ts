import { createSandbox } from "sandbox-engine";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { proxyUri } from "./apigw-helpers.ts";

function givenApi() {
  const sb = createSandbox();
  const api = valueOf(sb.apigateway.createRestApi({ name: "orders", description: "the orders API" }));
  return { sb, api, gw: sb.apigateway };
}

const fault = (code: string, message: string | RegExp) => ({ ok: false, fault: { code, message: typeof message === "string" ? message : expect.stringMatching(message) } });

describe("REST API operations", () => {
  it("creates an API with its root resource, lists it, and builds a resource tree", () => {
    const { gw, api } = givenApi();
    expect(api).toMatchObject({ id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "orders", description: "the orders API", apiKeySource: "HEADER" });
    expect(valueOf(gw.getRestApis()).items.map((item) => item.id)).toEqual([api.id]);
    const orders = valueOf(gw.createResource({ restApiId: api.id, parentId: api.rootResourceId, pathPart: "orders" }));
    const id = valueOf(gw.createResource({ restApiId: api.id, parentId: orders.id, pathPart: "{id}" }));
    expect(id).toMatchObject({ parentId: orders.id, pathPart: "{id}", path: "/orders/{id}" });
    valueOf(gw.putMethod({ restApiId: api.id, resourceId: id.id, httpMethod: "GET", authorizationType: "NONE" }));
    expect(valueOf(gw.getResources({ restApiId: api.id })).items).toEqual([
      { id: api.rootResourceId, path: "/" },
      { id: orders.id, parentId: api.rootResourceId, pathPart: "orders", path: "/orders" },
      { id: id.id, parentId: orders.id, pathPart: "{id}", path: "/orders/{id}", resourceMethods: { GET: {} } },
    ]);
  });

  it("answers bad input with AWS's exceptions and texts, changing nothing", () => {
    const { gw, api, sb } = givenApi();
    const root = api.rootResourceId;
    expect(gw.createRestApi({})).toMatchObject(fault("BadRequestException", "Invalid REST API name specified"));
    expect(gw.getResources({ restApiId: "nope" })).toMatchObject(fault("NotFoundException", "Invalid API identifier specified"));
    expect(gw.createResource({ restApiId: api.id, parentId: "nope", pathPart: "x" })).toMatchObject(fault("NotFoundException", "Invalid Resource identifier specified"));
    expect(gw.createResource({ restApiId: api.id, parentId: root, pathPart: "a/b" })).toMatchObject(fault("BadRequestException", /^Resource's path part only allow a-zA-Z0-9._-/));
    valueOf(gw.createResource({ restApiId: api.id, parentId: root, pathPart: "{id}" }));
    expect(gw.createResource({ restApiId: api.id, parentId: root, pathPart: "{name}" })).toMatchObject(fault("BadRequestException", /already has a variable path part -- only one is allowed/));
    expect(gw.createResource({ restApiId: api.id, parentId: root, pathPart: "{id}" })).toMatchObject(fault("ConflictException", "Another resource with the same parent already has this name: {id}"));
    expect(gw.putMethod({ restApiId: api.id, resourceId: root, httpMethod: "FETCH", authorizationType: "NONE" })).toMatchObject(
      fault("BadRequestException", "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY"),
    );
    expect(gw.putMethod({ restApiId: api.id, resourceId: root, httpMethod: "GET", authorizationType: "OPEN" })).toMatchObject(fault("BadRequestException", /^Invalid authorization type specified/));
    valueOf(gw.putMethod({ restApiId: api.id, resourceId: root, httpMethod: "GET", authorizationType: "NONE" }));
    expect(gw.putMethod({ restApiId: api.id, resourceId: root, httpMethod: "GET", authorizationType: "NONE" })).toMatchObject(fault("ConflictException", "Method already exists for this resource"));
    expect(gw.putIntegration({ restApiId: api.id, resourceId: root, httpMethod: "POST", type: "MOCK" })).toMatchObject(fault("NotFoundException", "Invalid Method identifier specified"));
    expect(gw.createDeployment({ restApiId: api.id, stageName: "prod" })).toMatchObject(fault("BadRequestException", "No integration defined for method"));
    expect(gw.putIntegration({ restApiId: api.id, resourceId: root, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "GET", uri: proxyUri("fn") })).toMatchObject(fault("BadRequestException", /must be POST/));
    expect(gw.putIntegration({ restApiId: api.id, resourceId: root, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: "https://example.com" })).toMatchObject(fault("BadRequestException", "Invalid ARN specified in the request"));
    expect(gw.putIntegration({ restApiId: api.id, resourceId: root, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("fn"), timeoutInMillis: 30_000 })).toMatchObject(fault("BadRequestException", "Timeout should be between 50 ms and 29000 ms"));
    expect(sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "deploy")).toHaveLength(0);
  });

  it("creates, reads and patches stages with AWS's texts for bad patches", () => {
    const { gw, api } = givenApi();
    valueOf(gw.putMethod({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorizationType: "NONE" }));
    valueOf(gw.putIntegration({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: "GET", type: "MOCK" }));
    const deployment = valueOf(gw.createDeployment({ restApiId: api.id, description: "first" }));
    expect(deployment).toMatchObject({ id: expect.stringMatching(/^[a-z0-9]{6}$/), description: "first" });
    expect(gw.createStage({ restApiId: api.id, stageName: "prod", deploymentId: "nope" })).toMatchObject(fault("NotFoundException", "Invalid Deployment identifier specified"));
    valueOf(gw.createStage({ restApiId: api.id, stageName: "prod", deploymentId: deployment.id, variables: { table: "orders" } }));
    expect(gw.createStage({ restApiId: api.id, stageName: "prod", deploymentId: deployment.id })).toMatchObject(fault("ConflictException", "Stage already exists"));
    expect(gw.getStage({ restApiId: api.id, stageName: "beta" })).toMatchObject(fault("NotFoundException", "Invalid Stage identifier specified"));
    expect(gw.updateStage({ restApiId: api.id, stageName: "prod", patchOperations: [{ op: "replace", path: "/variables/ok", value: "1" }, { op: "replace", path: "/nonsense", value: "1" }] })).toMatchObject(
      fault("BadRequestException", "Invalid patch path /nonsense"),
    );
    const stage = valueOf(gw.getStage({ restApiId: api.id, stageName: "prod" }));
    expect(stage).toMatchObject({ stageName: "prod", deploymentId: deployment.id });
    expect(stage.variables).toEqual({ table: "orders" }); // the good operation before the bad one was not applied either
    expect(gw.createStage({ restApiId: api.id, stageName: "dev", deploymentId: deployment.id, variables: { "bad-name": "x" } })).toMatchObject(fault("BadRequestException", /Stage variable name bad-name/));
  });
});

describe("HTTP API operations", () => {
  it("creates an API at its endpoint, routes with integrations, and stages", () => {
    const sb = createSandbox();
    const v2 = sb.apigateway.v2;
    const api = valueOf(v2.createApi({ Name: "shop", ProtocolType: "HTTP" }));
    expect(api).toMatchObject({ Name: "shop", ProtocolType: "HTTP", ApiEndpoint: `https://${api.ApiId}.execute-api.us-east-1.amazonaws.com`, RouteSelectionExpression: "${request.method} ${request.path}" });
    expect(valueOf(v2.getApis()).Items.map((item) => item.ApiId)).toEqual([api.ApiId]);
    const integration = valueOf(v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:fn", PayloadFormatVersion: "2.0" }));
    expect(integration).toMatchObject({ IntegrationMethod: "POST", PayloadFormatVersion: "2.0", TimeoutInMillis: 30_000 });
    expect(valueOf(v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /orders/{id}", Target: `integrations/${integration.IntegrationId}` }))).toMatchObject({ RouteKey: "GET /orders/{id}", AuthorizationType: "NONE" });
    expect(valueOf(v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }))).toMatchObject({ StageName: "$default", AutoDeploy: true });
  });

  it("answers bad input with the apigatewayv2 exceptions", () => {
    const sb = createSandbox();
    const v2 = sb.apigateway.v2;
    expect(v2.createApi({ Name: "x", ProtocolType: "GRPC" })).toMatchObject(fault("BadRequestException", /Invalid protocol type GRPC/));
    const api = valueOf(v2.createApi({ Name: "shop", ProtocolType: "HTTP" }));
    expect(v2.createRoute({ ApiId: "nope", RouteKey: "GET /" })).toMatchObject(fault("NotFoundException", /^Invalid API identifier specified/));
    expect(v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET orders" })).toMatchObject(fault("BadRequestException", /Route key must be \$default or an HTTP method followed by a path/));
    expect(v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /{proxy+}/x" })).toMatchObject(fault("BadRequestException", /Unable to create route/));
    valueOf(v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /" }));
    expect(v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /" })).toMatchObject(fault("ConflictException", /Route with the same key already exists/));
    expect(v2.createRoute({ ApiId: api.ApiId, RouteKey: "POST /", Target: "integrations/nope" })).toMatchObject(fault("BadRequestException", /Invalid target/));
    expect(v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:fn" })).toMatchObject(
      fault("BadRequestException", /PayloadFormatVersion is required/),
    );
    expect(v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:fn", PayloadFormatVersion: "2.0", TimeoutInMillis: 31_000 })).toMatchObject(
      fault("BadRequestException", "Timeout must be between 50 ms and 30000 ms"),
    );
    valueOf(v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));
    expect(v2.createDeployment({ ApiId: api.ApiId, StageName: "$default" })).toMatchObject(fault("BadRequestException", /AutoDeploy enabled/));
    expect(v2.createApi({ Name: "chat", ProtocolType: "WEBSOCKET" })).toMatchObject({ ok: false, fault: { code: "BadRequestException", message: "RouteSelectionExpression is required for WEBSOCKET APIs" } });
  });
});
