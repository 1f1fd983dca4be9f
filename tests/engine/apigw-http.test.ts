import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { givenHttpApi, lastResponse } from "./apigw-helpers.ts";

describe("HTTP API routes and payload 2.0", () => {
  it("passes the 2.0 event field by field: lowercased headers, cookies, joined repeats, path parameters", async () => {
    const events: APIGatewayProxyEventV2[] = [];
    const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => (events.push(event), { statusCode: 200, body: "ok" }));
    f.route("GET /orders/{id}");
    const headers = new Headers([["X-Custom", "a"], ["x-custom", "b"], ["Cookie", "session=1; theme=dark"], ["User-Agent", "agent/1"]]);
    const response = await f.sb.apigateway.fetch(`${f.base}/orders/42?tag=a&tag=b&q=1`, { headers });
    expect(response.status).toBe(200);
    const [event] = events;
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "GET /orders/{id}",
      rawPath: "/orders/42",
      rawQueryString: "tag=a&tag=b&q=1",
      cookies: ["session=1", "theme=dark"],
      queryStringParameters: { tag: "a,b", q: "1" },
      pathParameters: { id: "42" },
      isBase64Encoded: false,
    });
    expect(event?.headers).toMatchObject({ "x-custom": "a, b", "user-agent": "agent/1", host: `${f.apiId}.execute-api.us-east-1.amazonaws.com`, "x-forwarded-proto": "https" });
    expect(event?.headers["cookie"]).toBeUndefined();
    expect(event?.requestContext).toMatchObject({
      accountId: "123456789012",
      apiId: f.apiId,
      domainName: `${f.apiId}.execute-api.us-east-1.amazonaws.com`,
      domainPrefix: f.apiId,
      http: { method: "GET", path: "/orders/42", protocol: "HTTP/1.1", userAgent: "agent/1" },
      routeKey: "GET /orders/{id}",
      stage: "$default",
      time: "01/Jan/2026:00:00:00 +0000",
      timeEpoch: Date.UTC(2026, 0, 1),
    });
    expect(event).not.toHaveProperty("multiValueHeaders");
    expect(event).not.toHaveProperty("body");
    expect(event).not.toHaveProperty("stageVariables");
  });

  it("infers a 200 JSON response when the function returns no statusCode", async () => {
    const f = givenHttpApi(async () => ({ id: 42, total: 9.5 }));
    f.route("GET /orders/{id}");
    const response = await f.sb.apigateway.fetch(`${f.base}/orders/42`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ id: 42, total: 9.5 });
  });

  it("maps statusCode, headers and cookies of a 2.0 response", async () => {
    const f = givenHttpApi(async () => ({ statusCode: 404, headers: { "content-type": "text/plain" }, cookies: ["a=1; Secure", "b=2"], body: "no such order" }));
    f.route("GET /orders/{id}");
    const response = await f.sb.apigateway.fetch(`${f.base}/orders/7`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("no such order");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Secure", "b=2"]);
  });

  it("prefers the most specific route, then the exact method over ANY, then $default; nothing at all is 404 Not Found", async () => {
    const routes: string[] = [];
    const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => (routes.push(event.routeKey), {}));
    f.route("GET /orders/{id}");
    f.route("GET /orders/latest");
    f.route("ANY /orders/{id}");
    f.route("GET /files/{proxy+}");
    for (const [method, path] of [["GET", "/orders/latest"], ["GET", "/orders/9"], ["POST", "/orders/9"], ["GET", "/files/a/b.txt"]] as const) {
      expect((await f.sb.apigateway.fetch(`${f.base}${path}`, { method })).status).toBe(200);
    }
    expect(routes).toEqual(["GET /orders/latest", "GET /orders/{id}", "ANY /orders/{id}", "GET /files/{proxy+}"]);
    const missing = await f.sb.apigateway.fetch(`${f.base}/customers`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Not Found" });
    f.route("$default");
    expect((await f.sb.apigateway.fetch(`${f.base}/customers`)).status).toBe(200);
    expect(routes.at(-1)).toBe("$default");
  });

  it("passes the greedy path variable with its slashes", async () => {
    const params: unknown[] = [];
    const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => (params.push(event.pathParameters), {}));
    f.route("ANY /{proxy+}");
    await f.sb.apigateway.fetch(`${f.base}/a/b/c`, { method: "DELETE" });
    expect(params).toEqual([{ proxy: "a/b/c" }]);
  });

  it("sends payload 1.0 events to integrations that ask for them", async () => {
    const events: APIGatewayProxyEvent[] = [];
    const f = givenHttpApi(async (event: APIGatewayProxyEvent) => (events.push(event), { statusCode: 200, body: "v1" }));
    const v1 = f.integration("fn", "1.0");
    f.route("POST /orders", v1);
    const response = await f.sb.apigateway.fetch(`${f.base}/orders`, { method: "POST", body: "x" });
    expect(await response.text()).toBe("v1");
    expect(events[0]).toMatchObject({ version: "1.0", resource: "/orders", path: "/orders", httpMethod: "POST", body: "x", requestContext: { routeKey: "POST /orders", stage: "$default" } });
    expect(events[0]?.multiValueHeaders).toBeDefined();
  });

  it("serves a named stage under /{stage} only once deployed, with its stage variables", async () => {
    const events: APIGatewayProxyEventV2[] = [];
    const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => (events.push(event), {}), { stage: false });
    f.route("GET /orders");
    valueOf(f.sb.apigateway.v2.createStage({ ApiId: f.apiId, StageName: "prod", StageVariables: { queue: "orders-prod" } }));
    expect((await f.sb.apigateway.fetch(`${f.base}/prod/orders`)).status).toBe(404);
    valueOf(f.sb.apigateway.v2.createDeployment({ ApiId: f.apiId, StageName: "prod" }));
    expect((await f.sb.apigateway.fetch(`${f.base}/prod/orders`)).status).toBe(200);
    expect(events[0]).toMatchObject({ rawPath: "/prod/orders", stageVariables: { queue: "orders-prod" }, requestContext: { stage: "prod", http: { path: "/prod/orders" } } });
    f.route("GET /customers");
    expect((await f.sb.apigateway.fetch(`${f.base}/prod/customers`)).status).toBe(404);
  });

  it("deploys $default automatically with AutoDeploy: a new route answers at once", async () => {
    const f = givenHttpApi(async () => ({}));
    f.route("GET /a");
    expect((await f.sb.apigateway.fetch(`${f.base}/a`)).status).toBe(200);
    f.route("GET /b");
    expect((await f.sb.apigateway.fetch(`${f.base}/b`)).status).toBe(200);
  });
});

describe("HTTP API integration failures", () => {
  it("answers 500 Internal Server Error without a Lambda permission", async () => {
    const f = givenHttpApi(async () => ({}), { permission: false });
    f.route("GET /orders/{id}");
    const response = await f.sb.apigateway.fetch(`${f.base}/orders/1`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
    expect(lastResponse(f.sb).details.reason).toMatch(/apigateway\.amazonaws\.com may not invoke it/);
  });

  it("accepts a permission scoped to the route's method and path", async () => {
    const f = givenHttpApi(async () => ({}), { permission: false });
    valueOf(f.sb.lambda.addPermission({ FunctionName: "fn", StatementId: "route", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/*/GET/orders/{id}` }));
    f.route("GET /orders/{id}");
    f.route("POST /orders");
    expect((await f.sb.apigateway.fetch(`${f.base}/orders/1`)).status).toBe(200);
    expect((await f.sb.apigateway.fetch(`${f.base}/orders`, { method: "POST" })).status).toBe(500);
  });

  it("answers 500 when the function throws or answers a malformed statusCode", async () => {
    const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => {
      if (event.rawPath === "/throw") throw new Error("boom");
      return { statusCode: "not-a-status", body: "" };
    });
    f.route("GET /throw");
    f.route("GET /bad");
    expect((await f.sb.apigateway.fetch(`${f.base}/throw`)).status).toBe(500);
    expect((await f.sb.apigateway.fetch(`${f.base}/bad`)).status).toBe(500);
    expect(lastResponse(f.sb).details.reason).toMatch(/Malformed Lambda proxy response/);
  });

  it("answers 503 Service Unavailable when the function outlives the integration timeout (30 s by default)", async () => {
    const f = givenHttpApi(async () => {
      await f.sb.clock.sleep(45_000);
      return {};
    });
    f.route("GET /slow");
    const started = f.sb.clock.now();
    const response = await f.sb.apigateway.fetch(`${f.base}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: "Service Unavailable" });
    expect(f.sb.clock.now() - started).toBe(30_000);
  });
});
