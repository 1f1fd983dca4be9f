import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand, UpdateStageCommand } from "@aws-sdk/client-api-gateway";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { fetchWithRetry } from "./client";

let sb: ReturnType<typeof createSandbox>;
let stageUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 14 });
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "stock", handler: async () => ({ statusCode: 200, body: JSON.stringify({ sku: "lamp-1", inStock: 12 }) }) });
  // REST API "shop", stage prod: GET /stock (5 requests per second, burst 5) and GET /closed (throttled to 0).
  const apigw = new APIGatewayClient({});
  const { id: restApiId = "", rootResourceId = "" } = await apigw.send(new CreateRestApiCommand({ name: "shop" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "stock", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${restApiId}/*` }),
  );
  for (const pathPart of ["stock", "closed"]) {
    const { id: resourceId = "" } = await apigw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart }));
    await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
    await apigw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FunctionArn}/invocations` }));
  }
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  await apigw.send(
    new UpdateStageCommand({
      restApiId,
      stageName: "prod",
      patchOperations: [
        { op: "replace", path: "/~1stock/GET/throttling/rateLimit", value: "5" },
        { op: "replace", path: "/~1stock/GET/throttling/burstLimit", value: "5" },
        { op: "replace", path: "/~1closed/GET/throttling/rateLimit", value: "0" },
        { op: "replace", path: "/~1closed/GET/throttling/burstLimit", value: "0" },
      ],
    }),
  );
  stageUrl = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod`;
});

/** What API Gateway answered to the requests for `path`, in order. */
function answered(path: string): number[] {
  const requests = new Map<number, string>();
  const statuses: number[] = [];
  for (const event of sb.trace.events) {
    if (event.service !== "apigateway") continue;
    if (event.kind === "request") requests.set(event.seq, event.details.path);
    if (event.kind === "response" && event.cause !== undefined && requests.get(event.cause) === `/prod${path}`) statuses.push(event.details.status);
  }
  return statuses;
}

const virtualSleep = (ms: number) => sb.clock.sleep(ms);

describe("fetchWithRetry against a throttled stage", () => {
  it("gets 20 clients that arrive at once through a stage that admits 5 per second", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => fetchWithRetry(`${stageUrl}/stock`, {}, { maxAttempts: 10, baseDelayMs: 200, sleep: virtualSleep, random: () => sb.random.next() })),
    );
    const statuses = responses.map((response) => response.status);
    const throttled = answered("/stock").filter((status) => status === 429).length;
    expect(
      statuses.filter((status) => status !== 200).length,
      `clients got ${JSON.stringify(statuses)}. The stage admits 5 requests at once and 5 more per second; API Gateway answered 429 Too Many Requests ${throttled} times. Retry a 429 after a backoff.`,
    ).toBe(0);
  });

  it("backs off exponentially up to the cap, with the jitter applied to the whole window", async () => {
    const delays: number[] = [];
    const response = await fetchWithRetry(`${stageUrl}/closed`, {}, {
      maxAttempts: 6,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
        await sb.clock.sleep(ms);
      },
    });
    const statuses = answered("/closed");
    expect(statuses, `GET /closed is always throttled; API Gateway saw ${statuses.length} requests (${JSON.stringify(statuses)}): with maxAttempts 6 it should see 6`).toEqual([429, 429, 429, 429, 429, 429]);
    expect(
      delays,
      `with random() = 0.5 the client slept ${JSON.stringify(delays)} ms. Before attempt n + 1 sleep random() * min(maxDelayMs, baseDelayMs * 2 ** (n - 1)): windows 100, 200, 400, 800, then the cap 1000`,
    ).toEqual([50, 100, 200, 400, 500]);
    expect(response.status, "when the attempts run out, return the last response: the caller should see the 429").toBe(429);
  });

  it("does not retry an answer that a retry cannot change", async () => {
    const delays: number[] = [];
    const response = await fetchWithRetry(`${stageUrl}/no-such-path`, {}, { sleep: async (ms) => void delays.push(ms) });
    expect(response.status, "API Gateway answers 403 Missing Authentication Token for a path the REST API does not have").toBe(403);
    expect(answered("/no-such-path").length, `the client asked ${answered("/no-such-path").length} times (sleeping ${JSON.stringify(delays)} ms): a 403 will be the same next time, so ask once`).toBe(1);
  });
});
