import type { APIGatewayProxyEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { givenRestApi, lastResponse, proxyUri } from "./apigw-helpers.ts";

const KEY = "abcdefghij0123456789KEY";

/** GET /orders requires an API key; stage prod; a plan with `plan` settings holds one enabled key. */
function givenKeyedApi(plan: { throttle?: { rateLimit: number; burstLimit: number }; quota?: { limit: number; period: string; offset?: number } } = {}) {
  const events: APIGatewayProxyEvent[] = [];
  const f = givenRestApi(async (event: APIGatewayProxyEvent) => (events.push(event), { statusCode: 200, body: "ok" }));
  const { id: resourceId } = valueOf(f.sb.apigateway.createResource({ restApiId: f.apiId, parentId: f.rootId, pathPart: "orders" }));
  valueOf(f.sb.apigateway.putMethod({ restApiId: f.apiId, resourceId, httpMethod: "GET", authorizationType: "NONE", apiKeyRequired: true }));
  valueOf(f.sb.apigateway.putIntegration({ restApiId: f.apiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("fn") }));
  f.deploy("prod");
  const key = valueOf(f.sb.apigateway.createApiKey({ name: "partner", value: KEY, enabled: true }));
  const usagePlan = valueOf(f.sb.apigateway.createUsagePlan({ name: "partners", apiStages: [{ apiId: f.apiId, stage: "prod" }], ...plan }));
  valueOf(f.sb.apigateway.createUsagePlanKey({ usagePlanId: usagePlan.id, keyId: key.id, keyType: "API_KEY" }));
  const call = (apiKey?: string) => f.sb.apigateway.fetch(f.url("prod", "/orders"), apiKey === undefined ? {} : { headers: { "x-api-key": apiKey } });
  return { ...f, events, key, usagePlan, call };
}

describe("usage plans and API keys", () => {
  it("answers 403 Forbidden without the x-api-key header or with a wrong key, and passes the key to the function", async () => {
    const f = givenKeyedApi();
    const missing = await f.call();
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual({ message: "Forbidden" });
    expect(lastResponse(f.sb).details.reason).toMatch(/no x-api-key header/);
    expect((await f.call("wrongwrongwrongwrongwrong")).status).toBe(403);
    expect(f.events).toHaveLength(0);
    expect((await f.call(KEY)).status).toBe(200);
    expect(f.events[0]?.requestContext.identity).toMatchObject({ apiKey: KEY, apiKeyId: f.key.id });
  });

  it("refuses a disabled key (keys are created disabled unless enabled: true)", async () => {
    const f = givenKeyedApi();
    const other = valueOf(f.sb.apigateway.createApiKey({ name: "off", value: "disabledkey0123456789" }));
    expect(other.enabled).toBe(false);
    valueOf(f.sb.apigateway.createUsagePlanKey({ usagePlanId: (valueOf(f.sb.apigateway.createUsagePlan({ name: "other", apiStages: [] }))).id, keyId: other.id, keyType: "API_KEY" }));
    expect((await f.call("disabledkey0123456789")).status).toBe(403);
  });

  it("throttles per key with the plan's limits", async () => {
    const f = givenKeyedApi({ throttle: { rateLimit: 1, burstLimit: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await f.call(KEY)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(await (await f.call(KEY)).json()).toEqual({ message: "Too Many Requests" });
  });

  it("answers 429 Limit Exceeded when the day's quota is used up, and serves again the next day; GetUsage counts per day", async () => {
    const f = givenKeyedApi({ quota: { limit: 3, period: "DAY" } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await f.call(KEY)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await f.call(KEY);
    expect(await limited.json()).toEqual({ message: "Limit Exceeded" });
    await f.sb.clock.advance(24 * 3600 * 1000);
    expect((await f.call(KEY)).status).toBe(200);
    const usage = valueOf(f.sb.apigateway.getUsage({ usagePlanId: f.usagePlan.id, startDate: "2026-01-01", endDate: "2026-01-02" }));
    expect(usage.items).toEqual({ [f.key.id]: [[3, 0], [1, 2]] });
  });

  it("takes the quota offset off the first period only", async () => {
    const f = givenKeyedApi({ quota: { limit: 3, offset: 2, period: "WEEK" } });
    expect((await f.call(KEY)).status).toBe(200);
    expect((await f.call(KEY)).status).toBe(429);
  });

  it("answers bad input with AWS's texts", () => {
    const f = givenKeyedApi();
    const gw = f.sb.apigateway;
    expect(gw.createApiKey({ value: "short" })).toMatchObject({ ok: false, fault: { code: "BadRequestException", message: "API Key value should be at least 20 characters" } });
    expect(gw.createApiKey({ value: KEY })).toMatchObject({ ok: false, fault: { code: "ConflictException", message: "API Key already exists" } });
    expect(gw.createUsagePlanKey({ usagePlanId: "nope", keyId: f.key.id, keyType: "API_KEY" })).toMatchObject({ ok: false, fault: { code: "NotFoundException", message: "Invalid Usage Plan ID specified" } });
    expect(gw.createUsagePlan({ name: "x", apiStages: [{ apiId: f.apiId, stage: "beta" }] })).toMatchObject({ ok: false, fault: { code: "BadRequestException" } });
    const second = valueOf(gw.createUsagePlan({ name: "second", apiStages: [{ apiId: f.apiId, stage: "prod" }] }));
    expect(gw.createUsagePlanKey({ usagePlanId: second.id, keyId: f.key.id, keyType: "API_KEY" })).toMatchObject({
      ok: false,
      fault: { code: "ConflictException", message: expect.stringMatching(/cannot reference multiple Usage Plans with the same API Stage/) },
    });
    expect(valueOf(gw.getApiKeys({})).items[0]).not.toHaveProperty("value");
    expect(valueOf(gw.getApiKeys({ includeValues: true })).items[0]).toMatchObject({ value: KEY });
  });
});
