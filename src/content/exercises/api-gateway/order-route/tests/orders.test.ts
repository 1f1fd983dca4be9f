import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { getOrder, handler } from "./orders";

let sb: ReturnType<typeof createSandbox>;
let baseUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 11 });
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "get-order", Handler: "orders.handler", handler: handler as never });
  // An HTTP API "shop": GET /orders/{id} -> get-order (payload 2.0), on the $default stage, deployed automatically.
  const apigw = new ApiGatewayV2Client({});
  const { ApiId = "", ApiEndpoint = "" } = await apigw.send(new CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "get-order", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${ApiId}/*` }),
  );
  const { IntegrationId } = await apigw.send(new CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn, PayloadFormatVersion: "2.0" }));
  await apigw.send(new CreateRouteCommand({ ApiId, RouteKey: "GET /orders/{id}", Target: `integrations/${IntegrationId}` }));
  await apigw.send(new CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));
  baseUrl = ApiEndpoint;
});

/** Calls the API as a browser would, and says what came back, for the failure messages. */
async function get(path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  const text = await response.text();
  const seen = `GET ${path} answered ${response.status} (content-type ${response.headers.get("content-type") ?? "none"}) with body ${text === "" ? "(empty)" : text.slice(0, 200)}`;
  return { status: response.status, contentType: response.headers.get("content-type"), text, seen };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe("the function behind GET /orders/{id}", () => {
  it("answers a known order with 200 and the order as JSON", async () => {
    const answer = await get("/orders/o-2");
    expect(answer.status, `${answer.seen}. The id is in event.pathParameters.id.`).toBe(200);
    expect(answer.contentType, `${answer.seen}. Set the header content-type: application/json.`).toBe("application/json");
    expect(parsed(answer.text), `${answer.seen}. The body should be JSON.stringify(order).`).toEqual({
      id: "o-2",
      customer: "grace@example.com",
      items: [{ sku: "mug-7", quantity: 2 }],
      totalCents: 1800,
    });
  });

  it("answers an unknown order with 404 and a JSON message", async () => {
    const answer = await get("/orders/o-404");
    expect(answer.status, `${answer.seen}. There is no order o-404: that is 404 Not Found.`).toBe(404);
    expect(parsed(answer.text), `${answer.seen}. Explain it in a JSON body { "message": "..." }.`).toMatchObject({ message: expect.any(String) });
  });

  it("answers a malformed id with 400, the caller's mistake, not a server error", async () => {
    const answer = await get("/orders/DROP%20TABLE");
    expect(answer.status, `${answer.seen}. "DROP TABLE" is not an order id (o- and digits): that is 400 Bad Request.`).toBe(400);
    expect(parsed(answer.text), `${answer.seen}. Explain it in a JSON body { "message": "..." }.`).toMatchObject({ message: expect.any(String) });
  });
});

describe("the client getOrder", () => {
  it("fetches an order through the API", async () => {
    const order = await getOrder(baseUrl, "o-1");
    expect(order, "getOrder(baseUrl, \"o-1\") should return the order the API answered").toMatchObject({ id: "o-1", customer: "ada@example.com" });
    const calls = sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "response");
    expect(calls.length, "getOrder should call the API with fetch (the API saw no request)").toBe(1);
  });

  it("returns undefined for 404 and throws for other errors, with the status", async () => {
    expect(await getOrder(baseUrl, "o-9"), "the API answers 404 for o-9: getOrder should return undefined").toBeUndefined();
    const error = await getOrder(baseUrl, "nope").then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error, "the API answers 400 for the id \"nope\": getOrder should throw an Error").toBeInstanceOf(Error);
    expect((error as Error).message, "the error should name the status the API answered").toMatch(/400/);
  });
});
