import type { APIGatewayProxyEvent } from "aws-lambda";
import { assert, describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { givenHttpApi, givenRestApi } from "./apigw-helpers.ts";

describe("API Gateway metrics", () => {
  it("counts requests, 4XX and 5XX errors, cache hits and misses, and latency on the virtual clock, per stage and period", async () => {
    const f = givenRestApi(async (event: APIGatewayProxyEvent) => {
      if (event.path === "/slow") await f.sb.clock.sleep(2_000);
      return { statusCode: event.path === "/boom" ? 503 : 200, body: "" };
    });
    f.route("/ok", "GET", "fn");
    f.route("/slow", "GET", "fn");
    f.route("/boom", "GET", "fn");
    f.deploy("prod");
    f.deploy("dev");
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterEnabled", value: "true" }] }));
    await f.sb.apigateway.fetch(f.url("prod", "/ok"));
    await f.sb.apigateway.fetch(f.url("prod", "/ok"));
    await f.sb.apigateway.fetch(f.url("prod", "/missing"));
    await f.sb.apigateway.fetch(f.url("prod", "/slow"));
    await f.sb.clock.advance(60_000);
    await f.sb.apigateway.fetch(f.url("prod", "/boom"));
    await f.sb.apigateway.fetch(f.url("dev", "/ok"));
    const prod = f.sb.apigateway.metrics(f.apiId, { stage: "prod" });
    const all = f.sb.apigateway.metrics(f.apiId);
    assert(prod.protocol === "REST" && all.protocol === "REST", "a REST API's metrics say so");
    expect(prod).toMatchObject({ Count: 5, "4XXError": 1, "5XXError": 1, CacheHitCount: 1, CacheMissCount: 3, Latency: { SampleCount: 5, Maximum: 2_000, Minimum: 0 } });
    expect(prod.datapoints.map((point) => point.Count)).toEqual([4, 1]);
    expect(all.Count).toBe(6);
    expect(() => f.sb.apigateway.metrics(f.apiId, { periodSeconds: 0 })).toThrow(RangeError);
  });
});

describe("API Gateway bill", () => {
  it("bills REST requests at $3.50 and HTTP requests at $1.00 per million, not the throttled ones", async () => {
    const f = givenRestApi(async () => ({ statusCode: 200, body: "" }));
    f.route("/x", "GET", "fn");
    f.deploy("prod");
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/*/*/throttling/burstLimit", value: "2" }, { op: "replace", path: "/*/*/throttling/rateLimit", value: "1" }] }));
    for (let i = 0; i < 3; i++) await f.sb.apigateway.fetch(f.url("prod", "/x"));
    await f.sb.apigateway.fetch(f.url("prod", "/missing"));
    const bill = f.sb.apigateway.bill();
    // 2 answered + 1 unknown path (403 Missing Authentication Token is billed); the throttled one is not.
    expect(bill.lines).toMatchObject([{ apiId: f.apiId, protocol: "REST", requests: 3 }]);
    expect(bill.totalUsd).toBeCloseTo(1.05e-5, 12);
    const h = givenHttpApi(async () => ({}));
    h.route("GET /x");
    await h.sb.apigateway.fetch(`${h.base}/x`);
    await h.sb.apigateway.fetch(`${h.base}/x`);
    expect(h.sb.apigateway.bill()).toMatchObject({ lines: [{ protocol: "HTTP", requests: 2 }], totalUsd: expect.closeTo(2e-6, 12) });
  });
});
