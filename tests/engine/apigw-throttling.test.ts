import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTokenBucket } from "../../sandbox-engine/src/apigateway/throttling/token-bucket.ts";
import { valueOf } from "./lambda-helpers.ts";
import { givenHttpApi, givenRestApi, lastResponse } from "./apigw-helpers.ts";

const ok = { statusCode: 200, body: "ok" };

describe("throttling", () => {
  it("lets a REST method's burst through, answers 429 Too Many Requests after it, and refills at the rate", async () => {
    const f = givenRestApi(async () => ok);
    f.route("/orders", "GET", "fn");
    f.deploy("prod");
    valueOf(
      f.sb.apigateway.updateStage({
        restApiId: f.apiId,
        stageName: "prod",
        patchOperations: [
          { op: "replace", path: "/~1orders/GET/throttling/rateLimit", value: "2" },
          { op: "replace", path: "/~1orders/GET/throttling/burstLimit", value: "3" },
        ],
      }),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await f.sb.apigateway.fetch(f.url("prod", "/orders"))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const throttled = await f.sb.apigateway.fetch(f.url("prod", "/orders"));
    expect(await throttled.json()).toEqual({ message: "Too Many Requests" });
    expect(lastResponse(f.sb).details.reason).toMatch(/throttled by .*rate 2\/s, burst 3/);
    await f.sb.clock.advance(1000);
    const after: number[] = [];
    for (let i = 0; i < 3; i++) after.push((await f.sb.apigateway.fetch(f.url("prod", "/orders"))).status);
    expect(after).toEqual([200, 200, 429]);
  });

  it("applies the stage-wide */* limit to every method", async () => {
    const f = givenRestApi(async () => ok);
    f.route("/a", "GET", "fn");
    f.route("/b", "GET", "fn");
    f.deploy("prod");
    valueOf(f.sb.apigateway.updateStage({ restApiId: f.apiId, stageName: "prod", patchOperations: [{ op: "replace", path: "/*/*/throttling/burstLimit", value: "1" }, { op: "replace", path: "/*/*/throttling/rateLimit", value: "1" }] }));
    expect((await f.sb.apigateway.fetch(f.url("prod", "/a"))).status).toBe(200);
    expect((await f.sb.apigateway.fetch(f.url("prod", "/a"))).status).toBe(429);
    expect((await f.sb.apigateway.fetch(f.url("prod", "/b"))).status).toBe(200);
  });

  it("throttles an HTTP API route by its RouteSettings and others by DefaultRouteSettings", async () => {
    const f = givenHttpApi(async () => ok, { stage: false });
    f.route("GET /hot");
    f.route("GET /cold");
    valueOf(
      f.sb.apigateway.v2.createStage({
        ApiId: f.apiId,
        StageName: "$default",
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 100 },
        RouteSettings: { "GET /hot": { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 } },
      }),
    );
    const hot: number[] = [];
    for (let i = 0; i < 3; i++) hot.push((await f.sb.apigateway.fetch(`${f.base}/hot`)).status);
    expect(hot).toEqual([200, 200, 429]);
    expect((await f.sb.apigateway.fetch(`${f.base}/cold`)).status).toBe(200);
  });

  it("limits the account to a burst of 5,000 requests across its APIs", async () => {
    const f = givenHttpApi(async () => ok);
    f.route("GET /x");
    // Without a method or route limit, only the account bucket applies; no virtual time passes here.
    let admitted = 0;
    for (let i = 0; i < 5_001; i++) if ((await f.sb.apigateway.fetch(`${f.base}/x`)).status === 200) admitted++;
    expect(admitted).toBe(5_000);
    expect(lastResponse(f.sb).details).toMatchObject({ status: 429, reason: expect.stringMatching(/the account \(rate 10000\/s, burst 5000\)/) });
  }, 60_000); // 5,001 requests: slow on a busy machine

  it("never admits more than burst + rate x elapsed seconds over any window of any request schedule", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 200 }),
        (burst, rate, gaps) => {
          const bucket = createTokenBucket(rate, burst, 0);
          const admittedAt: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.tryTake(now)) admittedAt.push(now);
          }
          for (let i = 0; i < admittedAt.length; i++) {
            for (let j = i; j < admittedAt.length; j++) {
              const span = ((admittedAt[j] ?? 0) - (admittedAt[i] ?? 0)) / 1000;
              expect(j - i + 1).toBeLessThanOrEqual(burst + rate * span + 1e-9);
            }
          }
          // And a bucket that is never short of tokens admits everything (no false 429s).
          if (burst >= gaps.length) expect(admittedAt).toHaveLength(gaps.length);
        },
      ),
    );
  });
});
