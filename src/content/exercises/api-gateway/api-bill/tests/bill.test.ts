import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { meteredRequests, monthlyCost } from "./bill";

function must<T>(outcome: { ok: true; value: T } | { ok: false; fault: { code: string; message: string } }): T {
  if (!outcome.ok) throw new Error(`setup failed: ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

/** A sandbox with a function behind an HTTP API (GET /ping) and a REST API (GET /prod/ping); their URLs. */
function givenTwoApis() {
  const sb = createSandbox({ seed: 17 });
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "ping", handler: async () => ({ statusCode: 200, body: "pong" }) });
  const allow = (apiId: string) =>
    must(sb.lambda.addPermission({ FunctionName: "ping", StatementId: `api-${apiId}`, Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*` }));
  const http = must(sb.apigateway.v2.createApi({ Name: "http-shop", ProtocolType: "HTTP" }));
  allow(http.ApiId);
  const integration = must(sb.apigateway.v2.createIntegration({ ApiId: http.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn, PayloadFormatVersion: "2.0" }));
  must(sb.apigateway.v2.createRoute({ ApiId: http.ApiId, RouteKey: "GET /ping", Target: `integrations/${integration.IntegrationId}` }));
  must(sb.apigateway.v2.createStage({ ApiId: http.ApiId, StageName: "$default", AutoDeploy: true }));
  const rest = must(sb.apigateway.createRestApi({ name: "rest-shop" }));
  allow(rest.id);
  const ping = must(sb.apigateway.createResource({ restApiId: rest.id, parentId: rest.rootResourceId, pathPart: "ping" }));
  must(sb.apigateway.putMethod({ restApiId: rest.id, resourceId: ping.id, httpMethod: "GET", authorizationType: "NONE" }));
  must(sb.apigateway.putIntegration({ restApiId: rest.id, resourceId: ping.id, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FunctionArn}/invocations` }));
  must(sb.apigateway.createDeployment({ restApiId: rest.id, stageName: "prod" }));
  return { sb, httpUrl: `${http.ApiEndpoint}/ping`, restUrl: `https://${rest.id}.execute-api.us-east-1.amazonaws.com/prod/ping` };
}

describe("pricing API Gateway requests", () => {
  it("prices a sample run as the sandbox bills it", async () => {
    const { sb, httpUrl, restUrl } = givenTwoApis();
    for (let i = 0; i < 30; i++) await fetch(httpUrl);
    for (let i = 0; i < 20; i++) await fetch(restUrl);
    const bill = sb.apigateway.bill();
    for (const line of bill.lines) {
      expect(
        monthlyCost(line.protocol, line.requests, 1),
        `the sandbox billed ${line.requests} ${line.protocol} API requests of 1 KB at $${line.totalUsd}: REST costs $3.50 and HTTP $1.00 per million requests in the first tier`,
      ).toBeCloseTo(line.totalUsd, 10);
    }
    expect(bill.lines.map((line) => line.protocol).sort(), "the run called both APIs").toEqual(["HTTP", "REST"]);
  });

  it("meters HTTP API requests in 512 KB steps, REST requests once each", () => {
    expect(meteredRequests("HTTP", 1000, 1), "1 KB requests count once").toBe(1000);
    expect(meteredRequests("HTTP", 1000, 512), "512 KB is one step").toBe(1000);
    expect(meteredRequests("HTTP", 1000, 513), "513 KB is two steps: each request counts twice").toBe(2000);
    expect(meteredRequests("HTTP", 10, 2048), "2048 KB is four steps").toBe(40);
    expect(meteredRequests("REST", 10, 2048), "a REST API counts each request once, whatever its size").toBe(10);
  });

  it("applies the volume tiers of a big month", () => {
    expect(monthlyCost("REST", 1_000_000_000, 4), "1 billion REST requests: 333 million at $3.50 and 667 million at $2.80 per million").toBeCloseTo(333 * 3.5 + 667 * 2.8, 6);
    expect(monthlyCost("HTTP", 500_000_000, 4), "500 million HTTP requests: 300 million at $1.00 and 200 million at $0.90 per million").toBeCloseTo(300 + 200 * 0.9, 6);
    expect(monthlyCost("HTTP", 400_000_000, 600), "400 million HTTP requests of 600 KB meter as 800 million: 300 at $1.00, 500 at $0.90").toBeCloseTo(300 + 500 * 0.9, 6);
  });
});
