import type { APIGatewayProxyEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { givenRestApi, proxyUri } from "./apigw-helpers.ts";

/** GET /orders/{id} (cache key: the id unless `keys` says otherwise) on stage prod with the stage cache on. */
function givenCachedApi(keys: string[] = ["method.request.path.id"]) {
  let calls = 0;
  const f = givenRestApi(async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: `${event.pathParameters?.["id"]}#${++calls}` }));
  const resourceId = f.route("/orders/{id}", "GET", "fn");
  valueOf(f.sb.apigateway.putIntegration({ restApiId: f.apiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("fn"), cacheKeyParameters: keys }));
  f.deploy("prod");
  valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterEnabled", value: "true" }] }));
  const get = async (id: string, headers: Record<string, string> = {}) => (await f.sb.apigateway.fetch(f.url("prod", `/orders/${id}`), { headers })).text();
  return { ...f, get, calls: () => calls, resourceId };
}

describe("REST stage cache", () => {
  it("answers a GET from the cache for 300 s by default without calling the function", async () => {
    const f = givenCachedApi();
    expect(await f.get("1")).toBe("1#1");
    expect(await f.get("1")).toBe("1#1");
    expect(await f.get("2")).toBe("2#2");
    expect(f.calls()).toBe(2);
    await f.sb.clock.advance(299_000);
    expect(await f.get("1")).toBe("1#1");
    await f.sb.clock.advance(1_000);
    expect(await f.get("1")).toBe("1#3");
    expect(f.sb.trace.events.filter((event) => event.kind === "cache").map((event) => (event.details as { result: string }).result)).toEqual(["miss", "hit", "miss", "hit", "miss"]);
  });

  it("shares one entry across path parameters that are not cache keys", async () => {
    const f = givenCachedApi([]);
    expect(await f.get("1")).toBe("1#1");
    expect(await f.get("2")).toBe("1#1");
  });

  it("uses the method's TTL, and FlushStageCache empties the cache", async () => {
    const f = givenCachedApi();
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/~1orders~1{id}/GET/caching/ttlInSeconds", value: "10" }] }));
    await f.get("1");
    await f.sb.clock.advance(10_000);
    expect(await f.get("1")).toBe("1#2");
    valueOf(f.sb.apigateway.flushStageCache({ restApiId: f.apiId, stageName: "prod" }));
    expect(await f.get("1")).toBe("1#3");
    expect(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/*/*/caching/ttlInSeconds", value: "3601" }] })).toMatchObject({ ok: false, fault: { code: "BadRequestException" } });
  });

  it("ignores Cache-Control: max-age=0 from callers while authorization is required, and honours it when not", async () => {
    const f = givenCachedApi();
    await f.get("1");
    expect(await f.get("1", { "cache-control": "max-age=0" })).toBe("1#1");
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/*/*/caching/requireAuthorizationForCacheControl", value: "false" }] }));
    expect(await f.get("1", { "cache-control": "max-age=0" })).toBe("1#2");
    expect(await f.get("1")).toBe("1#2");
  });

  it("does not store errors, and does not cache other methods than GET by default", async () => {
    let calls = 0;
    const f = givenRestApi(async () => ({ statusCode: ++calls === 1 ? 500 : 200, body: String(calls) }));
    f.route("/x", "GET", "fn");
    f.route("/x", "POST", "fn");
    f.deploy("prod");
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/cacheClusterEnabled", value: "true" }] }));
    const get = async () => (await f.sb.apigateway.fetch(f.url("prod", "/x"))).text();
    expect([await get(), await get(), await get()]).toEqual(["1", "2", "2"]);
    await f.sb.apigateway.fetch(f.url("prod", "/x"), { method: "POST" });
    await f.sb.apigateway.fetch(f.url("prod", "/x"), { method: "POST" });
    expect(calls).toBe(4);
  });

  it("does not cache while the stage cache is off", async () => {
    let calls = 0;
    const f = givenRestApi(async () => ({ statusCode: 200, body: String(++calls) }));
    f.route("/x", "GET", "fn");
    f.deploy("prod");
    await f.sb.apigateway.fetch(f.url("prod", "/x"));
    await f.sb.apigateway.fetch(f.url("prod", "/x"));
    expect(calls).toBe(2);
  });
});
