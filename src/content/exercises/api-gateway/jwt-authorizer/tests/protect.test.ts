import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { AUDIENCE, ISSUER, handler, protectOrders } from "./protect";
import { ordersStore } from "./orders-store";

let sb: ReturnType<typeof createSandbox>;
let baseUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 21 });
  ordersStore.reset();
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "orders", Handler: "protect.handler", handler: handler as never });
  // HTTP API "shop" with an integration to the function (payload 2.0) and a $default stage; protectOrders adds the routes.
  const apigw = new ApiGatewayV2Client({});
  const { ApiId = "", ApiEndpoint = "" } = await apigw.send(new CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "orders", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${ApiId}/*` }),
  );
  const { IntegrationId = "" } = await apigw.send(new CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn, PayloadFormatVersion: "2.0" }));
  await apigw.send(new CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));
  await protectOrders(ApiId, IntegrationId);
  baseUrl = ApiEndpoint;
});

/** A token from the shop's user pool (the sandbox's issuer), unless `options` says otherwise. */
const token = (options: { sub?: string; scopes?: string[]; issuer?: string; audience?: string; expiresIn?: number } = {}) =>
  sb.world.identity.issueJwt({ issuer: ISSUER, audience: AUDIENCE, sub: "ada", scopes: ["orders/read"], ...options });

async function call(method: "GET" | "POST", jwt: string | undefined, what: string, body?: string) {
  const response = await fetch(`${baseUrl}/orders`, { method, headers: jwt === undefined ? {} : { authorization: `Bearer ${jwt}` }, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, text, seen: `${method} /orders with ${what} answered ${response.status} ${text.slice(0, 160)}` };
}

describe("the JWT authorizer", () => {
  it("turns away callers without a valid token of the shop's user pool (401)", async () => {
    const cases: [string, string | undefined][] = [
      ["no token", undefined],
      ["a token of another issuer", token({ issuer: "https://login.example.com" })],
      ["a token for another app (audience)", token({ audience: "admin-app" })],
      ["an expired token", token({ expiresIn: -60 })],
    ];
    for (const [what, jwt] of cases) {
      const answer = await call("GET", jwt, what);
      expect(answer.status, `${answer.seen}. A JWT authorizer with the shop's Issuer and Audience refuses it with 401.`).toBe(401);
    }
  });

  it("requires the route's scope: orders/read to read, orders/write to order (403 without)", async () => {
    const reader = token({ scopes: ["orders/read"] });
    const post = await call("POST", reader, "a token with only orders/read", JSON.stringify({ item: "pen" }));
    expect(post.status, `${post.seen}. POST /orders should require the scope orders/write: AuthorizationScopes on the route.`).toBe(403);
    const read = await call("GET", token({ scopes: ["orders/write"] }), "a token with only orders/write");
    expect(read.status, `${read.seen}. GET /orders should require the scope orders/read.`).toBe(403);
  });

  it("serves each caller their own orders, from the token's sub claim", async () => {
    const ada = await call("GET", token({ sub: "ada" }), "ada's token");
    expect(ada.status, ada.seen).toBe(200);
    expect(JSON.parse(ada.text), `${ada.seen}. The caller is event.requestContext.authorizer.jwt.claims.sub.`).toEqual([{ id: "o-1", customer: "ada", item: "lamp" }]);
    const created = await call("POST", token({ sub: "grace", scopes: ["orders/write"] }), "grace's token with orders/write", JSON.stringify({ item: "pen" }));
    expect(created.status, created.seen).toBe(201);
    expect(ordersStore.of("grace").map((order) => order.item), "grace's new order should be hers").toEqual(["mug", "pen"]);
  });
});
