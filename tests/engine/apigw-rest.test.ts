import type { APIGatewayProxyEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { fnArn, givenRestApi, lastResponse } from "./apigw-helpers.ts";

const ok = (body: unknown) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("REST API Lambda proxy", () => {
  it("passes the payload 1.0 event, field by field, and answers with the function's response", async () => {
    const events: APIGatewayProxyEvent[] = [];
    const f = givenRestApi(async (event: APIGatewayProxyEvent) => {
      events.push(event);
      return { statusCode: 201, headers: { "x-order": "42" }, multiValueHeaders: { "set-cookie": ["a=1", "b=2"] }, body: "created" };
    });
    const resourceId = f.route("/orders/{id}", "POST", "fn");
    f.deploy("prod", { table: "orders-prod" });
    const response = await f.sb.apigateway.fetch(`${f.url("prod", "/orders/42")}?tag=a&tag=b&x=1`, { method: "POST", headers: { "user-agent": "test-agent", "x-multi": "v" }, body: '{"qty":1}' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("created");
    expect(response.headers.get("x-order")).toBe("42");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    const [event] = events;
    expect(event).toMatchObject({
      resource: "/orders/{id}",
      path: "/orders/42",
      httpMethod: "POST",
      queryStringParameters: { tag: "b", x: "1" },
      multiValueQueryStringParameters: { tag: ["a", "b"], x: ["1"] },
      pathParameters: { id: "42" },
      stageVariables: { table: "orders-prod" },
      body: '{"qty":1}',
      isBase64Encoded: false,
    });
    expect(event?.headers).toMatchObject({ "user-agent": "test-agent", "x-multi": "v", Host: `${f.apiId}.execute-api.us-east-1.amazonaws.com`, "X-Forwarded-Proto": "https", "X-Forwarded-Port": "443" });
    expect(event?.multiValueHeaders["x-multi"]).toEqual(["v"]);
    expect(event?.requestContext).toMatchObject({
      accountId: "123456789012",
      apiId: f.apiId,
      domainName: `${f.apiId}.execute-api.us-east-1.amazonaws.com`,
      domainPrefix: f.apiId,
      httpMethod: "POST",
      path: "/prod/orders/42",
      protocol: "HTTP/1.1",
      resourceId,
      resourcePath: "/orders/{id}",
      stage: "prod",
      requestTime: "01/Jan/2026:00:00:00 +0000",
      requestTimeEpoch: Date.UTC(2026, 0, 1),
    });
    expect(event?.requestContext.identity).toMatchObject({ sourceIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), userAgent: "test-agent", caller: null, user: null });
    expect(event?.requestContext.requestId).toBe(response.headers.get("x-amzn-requestid"));
  });

  it("gives null pathParameters, stageVariables and query strings when there are none", async () => {
    const events: APIGatewayProxyEvent[] = [];
    const f = givenRestApi(async (event: APIGatewayProxyEvent) => (events.push(event), ok({})));
    f.route("/health", "GET", "fn");
    f.deploy("dev");
    await f.sb.apigateway.fetch(f.url("dev", "/health"));
    expect(events[0]).toMatchObject({ pathParameters: null, stageVariables: null, queryStringParameters: null, multiValueQueryStringParameters: null, body: null });
  });

  it("routes {proxy+} greedily and prefers literal resources; the most specific resource must have the method (or ANY)", async () => {
    const seen: string[] = [];
    const f = givenRestApi(async (event: APIGatewayProxyEvent) => (seen.push(`${event.resource} ${JSON.stringify(event.pathParameters)}`), ok({})));
    f.route("/{proxy+}", "ANY", "fn");
    f.route("/orders/new", "GET", "fn");
    f.route("/orders/{id}", "GET", "fn");
    f.deploy("prod");
    for (const path of ["/a/b/c", "/orders/new", "/orders/7", "/orders/7/lines"]) expect((await f.sb.apigateway.fetch(f.url("prod", path))).status).toBe(200);
    // /orders/{id} is chosen before its methods are looked at: no DELETE there, and no falling back to /{proxy+}.
    expect((await f.sb.apigateway.fetch(f.url("prod", "/orders/7"), { method: "DELETE" })).status).toBe(403);
    expect(seen).toEqual(['/{proxy+} {"proxy":"a/b/c"}', "/orders/new null", '/orders/{id} {"id":"7"}', '/{proxy+} {"proxy":"orders/7/lines"}']);
  });

  it("answers an unknown resource or method with 403 Missing Authentication Token, and an unknown stage with 403 Forbidden", async () => {
    const f = givenRestApi(async () => ok({}));
    f.route("/orders", "GET", "fn");
    f.deploy("prod");
    const noResource = await f.sb.apigateway.fetch(f.url("prod", "/customers"));
    expect(noResource.status).toBe(403);
    expect(await noResource.json()).toEqual({ message: "Missing Authentication Token" });
    expect(noResource.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    const noMethod = await f.sb.apigateway.fetch(f.url("prod", "/orders"), { method: "PUT" });
    expect(noMethod.status).toBe(403);
    expect(await noMethod.json()).toEqual({ message: "Missing Authentication Token" });
    const noStage = await f.sb.apigateway.fetch(f.url("beta", "/orders"));
    expect(noStage.status).toBe(403);
    expect(await noStage.json()).toEqual({ message: "Forbidden" });
  });

  it("serves only what was deployed: a new route works after the next deployment", async () => {
    const f = givenRestApi(async () => ok({}));
    f.route("/orders", "GET", "fn");
    f.deploy("prod");
    f.route("/customers", "GET", "fn");
    expect((await f.sb.apigateway.fetch(f.url("prod", "/customers"))).status).toBe(403);
    f.deploy("prod");
    expect((await f.sb.apigateway.fetch(f.url("prod", "/customers"))).status).toBe(200);
  });

  it("runs two stages side by side, each with its own variables and deployment", async () => {
    const f = givenRestApi(async (event: APIGatewayProxyEvent) => ok({ table: event.stageVariables?.["table"] }));
    f.route("/orders", "GET", "fn");
    const first = f.deploy("dev", { table: "orders-dev" });
    valueOf(f.sb.apigateway.createStage({ restApiId: f.apiId, stageName: "prod", deploymentId: first, variables: { table: "orders-prod" } }));
    expect(await (await f.sb.apigateway.fetch(f.url("dev", "/orders"))).json()).toEqual({ table: "orders-dev" });
    expect(await (await f.sb.apigateway.fetch(f.url("prod", "/orders"))).json()).toEqual({ table: "orders-prod" });
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/variables/table", value: "orders-v2" }] }));
    expect(await (await f.sb.apigateway.fetch(f.url("prod", "/orders"))).json()).toEqual({ table: "orders-v2" });
  });

  it("picks the function by a stage variable in the integration URI", async () => {
    const f = givenRestApi(async () => ok({ from: "fn" }));
    f.sb.lambda.createFunction({ FunctionName: "fn-v2", handler: async () => ok({ from: "fn-v2" }) });
    valueOf(f.sb.lambda.addPermission({ FunctionName: "fn-v2", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/*` }));
    const resourceId = f.route("/who", "GET", "fn");
    valueOf(f.sb.apigateway.putIntegration({ restApiId: f.apiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:\${stageVariables.fn}/invocations` }));
    f.deploy("a", { fn: "fn" });
    f.deploy("b", { fn: "fn-v2" });
    expect(await (await f.sb.apigateway.fetch(f.url("a", "/who"))).json()).toEqual({ from: "fn" });
    expect(await (await f.sb.apigateway.fetch(f.url("b", "/who"))).json()).toEqual({ from: "fn-v2" });
  });
});

describe("REST API integration failures", () => {
  it("answers 500 without a Lambda permission for apigateway.amazonaws.com, and the trace says why", async () => {
    let calls = 0;
    const f = givenRestApi(async () => (calls++, ok({})), { permission: false });
    f.route("/orders", "GET", "fn");
    f.deploy("prod");
    const response = await f.sb.apigateway.fetch(f.url("prod", "/orders"));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(calls).toBe(0);
    expect(lastResponse(f.sb).details.reason).toMatch(/has no resource-based policy, so apigateway\.amazonaws\.com may not invoke it/);
    const denied = f.sb.trace.events.find((event) => event.service === "lambda" && event.kind === "invoke-denied");
    expect(denied?.details).toMatchObject({ principal: "apigateway.amazonaws.com", sourceArn: `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/prod/GET/orders` });
  });

  it("refuses a permission whose SourceArn names another stage", async () => {
    const f = givenRestApi(async () => ok({}), { permission: false });
    valueOf(f.sb.lambda.addPermission({ FunctionName: "fn", StatementId: "dev-only", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/dev/GET/orders` }));
    f.route("/orders", "GET", "fn");
    f.deploy("dev");
    f.deploy("prod");
    expect((await f.sb.apigateway.fetch(f.url("dev", "/orders"))).status).toBe(200);
    expect((await f.sb.apigateway.fetch(f.url("prod", "/orders"))).status).toBe(500);
  });

  it.each([
    ["a string", "hello"],
    ["an object without statusCode", { body: "x" }],
    ["an object body", { statusCode: 200, body: { not: "a string" } }],
    ["an unknown key", { statusCode: 200, body: "", extra: 1 }],
    ["headers that are not strings", { statusCode: 200, headers: { a: { b: 1 } }, body: "" }],
  ])("answers 502 to a malformed proxy response (%s)", async (_name, output) => {
    const f = givenRestApi(async () => output);
    f.route("/x", "GET", "fn");
    f.deploy("prod");
    const response = await f.sb.apigateway.fetch(f.url("prod", "/x"));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: "Internal server error" });
    expect(lastResponse(f.sb).details.reason).toMatch(/Malformed Lambda proxy response/);
  });

  it("answers 502 when the function throws", async () => {
    const f = givenRestApi(async () => {
      throw new Error("boom");
    });
    f.route("/x", "GET", "fn");
    f.deploy("prod");
    const response = await f.sb.apigateway.fetch(f.url("prod", "/x"));
    expect(response.status).toBe(502);
    expect(lastResponse(f.sb).details.reason).toMatch(/customer function error.*boom/);
  });

  it("answers 504 Endpoint request timed out after 29 virtual seconds, while the function runs on", async () => {
    const f = givenRestApi(
      async () => {
        await f.sb.clock.sleep(40_000);
        return ok({});
      },
      { timeout: 60 },
    );
    f.route("/slow", "GET", "fn");
    f.deploy("prod");
    const started = f.sb.clock.now();
    const response = await f.sb.apigateway.fetch(f.url("prod", "/slow"));
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: "Endpoint request timed out" });
    expect(f.sb.clock.now() - started).toBe(29_000);
    expect(lastResponse(f.sb).details.latencyMs).toBe(29_000);
  });

  it("links the request to the invocation it caused in the trace", async () => {
    const f = givenRestApi(async () => ok({}));
    f.route("/x", "GET", "fn");
    f.deploy("prod");
    await f.sb.apigateway.fetch(f.url("prod", "/x"));
    const request = f.sb.trace.events.find((event) => event.service === "apigateway" && event.kind === "request");
    const invoke = f.sb.trace.events.find((event) => event.service === "lambda" && event.kind === "invoke");
    expect(request?.details).toMatchObject({ method: "GET", path: "/prod/x", stage: "prod", route: "GET /x" });
    expect(invoke?.cause).toBe(request?.seq);
    expect(lastResponse(f.sb).cause).toBe(request?.seq);
  });
});

describe("REST API MOCK integrations", () => {
  it("answers with the integration response chosen by the request template's statusCode", async () => {
    const f = givenRestApi(async () => ok({}));
    const { sb, apiId, rootId } = f;
    const { id: resourceId } = valueOf(sb.apigateway.createResource({ restApiId: apiId, parentId: rootId, pathPart: "ping" }));
    valueOf(sb.apigateway.putMethod({ restApiId: apiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
    valueOf(sb.apigateway.putIntegration({ restApiId: apiId, resourceId, httpMethod: "GET", type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } }));
    expect(sb.apigateway.putIntegrationResponse({ restApiId: apiId, resourceId, httpMethod: "GET", statusCode: "200" })).toMatchObject({ ok: false, fault: { code: "NotFoundException", message: "Invalid Method Response status code specified" } });
    valueOf(sb.apigateway.putMethodResponse({ restApiId: apiId, resourceId, httpMethod: "GET", statusCode: "200" }));
    valueOf(sb.apigateway.putIntegrationResponse({ restApiId: apiId, resourceId, httpMethod: "GET", statusCode: "200", responseTemplates: { "application/json": '{"pong":true}' } }));
    f.deploy("prod");
    const response = await sb.apigateway.fetch(f.url("prod", "/ping"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pong: true });
    expect(sb.trace.events.some((event) => event.service === "lambda" && event.kind === "invoke")).toBe(false);
  });
});

describe("sb.apigateway.fetch", () => {
  it("rejects URLs that are not this sandbox's APIs, as fetch does", async () => {
    const f = givenRestApi(async () => ok({}));
    await expect(f.sb.apigateway.fetch("https://example.com/")).rejects.toThrow(TypeError);
    await expect(f.sb.apigateway.fetch(`https://${f.apiId}.execute-api.eu-west-1.amazonaws.com/prod/x`)).rejects.toThrow(/reaches only this sandbox's APIs/);
    expect(f.sb.apigateway.answers(f.url("prod", "/x"))).toBe(true);
  });

  it("answers 403 Forbidden for an API id that does not exist", async () => {
    const f = givenRestApi(async () => ok({}));
    const response = await f.sb.apigateway.fetch("https://zzzzzzzzzz.execute-api.us-east-1.amazonaws.com/prod/x");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "Forbidden" });
  });
});

void fnArn;
