import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateAuthorizerCommand, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { authorizer } from "./authorizer";
import { handler, resetOrders } from "./orders";

let sb: ReturnType<typeof createSandbox>;
let stageUrl: string;

const invocationUri = (functionArn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`;

beforeEach(async () => {
  sb = createSandbox({ seed: 15 });
  resetOrders();
  const orders = sb.lambda.createFunction({ FunctionName: "orders", Handler: "orders.handler", handler: handler as never });
  const auth = sb.lambda.createFunction({ FunctionName: "authorizer", Handler: "authorizer.authorizer", handler: authorizer as never });
  // REST API "shop": GET and DELETE /orders/{id} -> orders, both behind the TOKEN authorizer (TTL 300 s); stage prod.
  const apigw = new APIGatewayClient({});
  const lambda = new LambdaClient({});
  const { id: restApiId = "", rootResourceId = "" } = await apigw.send(new CreateRestApiCommand({ name: "shop" }));
  for (const FunctionName of ["orders", "authorizer"]) {
    await lambda.send(new AddPermissionCommand({ FunctionName, StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${restApiId}/*` }));
  }
  const tokens = await apigw.send(
    new CreateAuthorizerCommand({ restApiId, name: "tokens", type: "TOKEN", authorizerUri: invocationUri(auth.FunctionArn ?? ""), identitySource: "method.request.header.Authorization", authorizerResultTtlInSeconds: 300 }),
  );
  const collection = await apigw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "orders" }));
  const { id: resourceId = "" } = await apigw.send(new CreateResourceCommand({ restApiId, parentId: collection.id, pathPart: "{id}" }));
  for (const httpMethod of ["GET", "DELETE"]) {
    await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod, authorizationType: "CUSTOM", authorizerId: tokens.id }));
    await apigw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod, type: "AWS_PROXY", integrationHttpMethod: "POST", uri: invocationUri(orders.FunctionArn ?? "") }));
  }
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  stageUrl = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod`;
});

async function call(method: string, path: string, token?: string) {
  const response = await fetch(`${stageUrl}${path}`, { method, headers: token === undefined ? {} : { authorization: token } });
  const text = await response.text();
  const request = `${method} ${path} ${token === undefined ? "without a token" : `with Authorization: ${token}`}`;
  return { status: response.status, text, seen: `${request} answered ${response.status} ${text === "" ? "(empty body)" : text.slice(0, 160)}` };
}

describe("the TOKEN authorizer", () => {
  it("turns away unknown and malformed tokens with 401", async () => {
    for (const token of ["Bearer tok-stolen", "tok-ada", "Basic YWRhOnB3"]) {
      const answer = await call("GET", "/orders/o-1", token);
      expect(answer.status, `${answer.seen}. No session has that token: throw new Error("Unauthorized").`).toBe(401);
    }
  });

  it("lets a customer read her own order, and tells the function who she is", async () => {
    const answer = await call("GET", "/orders/o-1", "Bearer tok-ada");
    expect(answer.status, `${answer.seen}. The function answers 404 when requestContext.authorizer.userId is not the order's customer: pass { userId, role } in the context.`).toBe(200);
    const other = await call("GET", "/orders/o-3", "Bearer tok-ada");
    expect(other.status, `${other.seen}. o-3 is Grace's order: the function hides it from Ada.`).toBe(404);
  });

  it("allows all of the caller's orders in one policy: the cached policy serves the next path too", async () => {
    const first = await call("GET", "/orders/o-1", "Bearer tok-ada");
    const second = await call("GET", "/orders/o-2", "Bearer tok-ada");
    const calls = sb.lambda.invocations().filter((record) => record.functionName === "authorizer").length;
    expect(first.status, first.seen).toBe(200);
    expect(
      second.status,
      `${second.seen}. API Gateway called the authorizer ${calls} time(s): it reused the policy it cached for this token, and that policy did not allow /orders/o-2. Allow GET on every order of the stage.`,
    ).toBe(200);
  });

  it("lets customers read but not delete, and admins delete", async () => {
    const customer = await call("DELETE", "/orders/o-1", "Bearer tok-ada");
    expect(customer.status, `${customer.seen}. A customer may not DELETE: leave DELETE out of her policy (403).`).toBe(403);
    const admin = await call("DELETE", "/orders/o-3", "Bearer tok-ops");
    expect(admin.status, `${admin.seen}. An admin may DELETE any order.`).toBe(204);
    const gone = await call("GET", "/orders/o-3", "Bearer tok-grace");
    expect(gone.status, `${gone.seen}. The admin deleted o-3.`).toBe(404);
  });
});
