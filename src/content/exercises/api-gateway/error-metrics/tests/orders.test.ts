import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { errorRates, handler, shouldAlarm, type ErrorRates } from "./orders";
import { payments } from "./payments";

let sb: ReturnType<typeof createSandbox>;
let apiId: string;
let baseUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 16 });
  payments.reset();
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "orders", Handler: "orders.handler", handler: handler as never });
  // HTTP API "shop": POST /orders -> orders (payload 2.0), $default stage.
  const apigw = new ApiGatewayV2Client({});
  const { ApiId = "", ApiEndpoint = "" } = await apigw.send(new CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "orders", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${ApiId}/*` }),
  );
  const { IntegrationId } = await apigw.send(new CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn, PayloadFormatVersion: "2.0" }));
  await apigw.send(new CreateRouteCommand({ ApiId, RouteKey: "POST /orders", Target: `integrations/${IntegrationId}` }));
  await apigw.send(new CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));
  apiId = ApiId;
  baseUrl = ApiEndpoint;
});

async function post(body: string) {
  const response = await fetch(`${baseUrl}/orders`, { method: "POST", body });
  return `POST /orders ${body} -> ${response.status} ${(await response.text()).slice(0, 100)}`;
}

const stageMetrics = () => {
  const metrics = sb.apigateway.metrics(apiId, { stage: "$default" });
  // metrics() also answers for WebSocket APIs, with their own set: `protocol` says which this is.
  if (metrics.protocol === "WEBSOCKET") throw new Error("orders is an HTTP API, yet its metrics are a WebSocket API's");
  return metrics;
};
const summary = () => {
  const m = stageMetrics();
  return `the stage's metrics: Count ${m.Count}, 4XXError ${m["4XXError"]}, 5XXError ${m["5XXError"]}`;
};

describe("status codes the metrics can trust", () => {
  it("counts the client's mistakes as 4XX, not 5XX", async () => {
    const seen = [
      await post(JSON.stringify({ orderId: "o-1", amountCents: 1200 })),
      await post("orderId=o-2"),
      await post(JSON.stringify({ orderId: "o-3" })),
      await post(JSON.stringify({ orderId: "o-4", amountCents: -5 })),
      await post(JSON.stringify({ orderId: "o-5", amountCents: 300 })),
    ];
    const metrics = stageMetrics();
    expect({ "4XXError": metrics["4XXError"], "5XXError": metrics["5XXError"] }, `${summary()}. The requests: ${seen.join("; ")}. Three bodies were not orders: answer them 400.`).toEqual({ "4XXError": 3, "5XXError": 0 });
    expect(payments.charged.map((charge) => charge.orderId), "only the two valid orders should be charged").toEqual(["o-1", "o-5"]);
  });

  it("answers 503 with a message when the payment provider is down", async () => {
    payments.down = true;
    const response = await fetch(`${baseUrl}/orders`, { method: "POST", body: JSON.stringify({ orderId: "o-6", amountCents: 500 }) });
    const text = await response.text();
    expect(response.status, `POST /orders answered ${response.status} ${text}: the provider being down is our problem, and temporary: 503 Service Unavailable`).toBe(503);
    expect(JSON.parse(text), `the body ${text} should say what happened, as JSON { "message": ... }`).toMatchObject({ message: expect.any(String) });
  });
});

describe("error rates and the alarm", () => {
  it("turns each minute's datapoint into error rates, in time order", () => {
    const rates = errorRates([
      { timestamp: 120_000, Count: 4, "4XXError": 0, "5XXError": 1 },
      { timestamp: 0, Count: 10, "4XXError": 2, "5XXError": 0 },
      { timestamp: 60_000, Count: 0, "4XXError": 0, "5XXError": 0 },
    ]);
    expect(rates, "rates are errors / Count per minute, sorted by timestamp; a minute with Count 0 has rates 0").toEqual([
      { timestamp: 0, clientErrorRate: 0.2, serverErrorRate: 0 },
      { timestamp: 60_000, clientErrorRate: 0, serverErrorRate: 0 },
      { timestamp: 120_000, clientErrorRate: 0, serverErrorRate: 0.25 },
    ]);
  });

  it("reads the stage's own metrics: a quiet minute has no datapoint", async () => {
    await post(JSON.stringify({ orderId: "o-7", amountCents: 100 }));
    await post("not json");
    await sb.clock.advance(120_000);
    payments.down = true;
    await post(JSON.stringify({ orderId: "o-8", amountCents: 100 }));
    const start = Math.floor(sb.clock.now() / 60_000) * 60_000 - 120_000;
    expect(errorRates(stageMetrics().datapoints), `${summary()}; datapoints ${JSON.stringify(stageMetrics().datapoints.map(({ timestamp, Count, ...rest }) => ({ timestamp, Count, "4XXError": rest["4XXError"], "5XXError": rest["5XXError"] })))}`).toEqual([
      { timestamp: start, clientErrorRate: 0.5, serverErrorRate: 0 },
      { timestamp: start + 120_000, clientErrorRate: 0, serverErrorRate: 1 },
    ]);
  });

  it("pages after three bad minutes in a row, and not for less", () => {
    const minute = (index: number, serverErrorRate: number): ErrorRates => ({ timestamp: index * 60_000, clientErrorRate: 0, serverErrorRate });
    const cases: [string, ErrorRates[], boolean][] = [
      ["three minutes above 1%", [minute(0, 0.05), minute(1, 0.02), minute(2, 0.3)], true],
      ["two bad minutes, a good one, a bad one", [minute(0, 0.05), minute(1, 0.02), minute(2, 0), minute(3, 0.3)], false],
      ["three bad minutes with a quiet minute (no datapoint) between", [minute(0, 0.05), minute(1, 0.02), minute(3, 0.3)], false],
      ["three minutes at exactly 1%", [minute(0, 0.01), minute(1, 0.01), minute(2, 0.01)], false],
    ];
    for (const [name, rates, expected] of cases) {
      expect(shouldAlarm(rates, 0.01, 3), `shouldAlarm(threshold 1%, 3 minutes) for ${name}`).toBe(expected);
    }
  });
});
