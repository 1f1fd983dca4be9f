import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { allowApi, fnArn, givenHttpApi } from "./apigw-helpers.ts";

/** GET /orders/{id} behind a REQUEST authorizer "auth" (payload 2.0, simple responses unless told). */
function givenAuthorizedHttpApi(authorizer: (event: APIGatewayRequestAuthorizerEventV2) => Promise<unknown>, settings: { simple?: boolean; ttl?: number } = {}) {
  const events: APIGatewayProxyEventV2[] = [];
  const f = givenHttpApi(async (event: APIGatewayProxyEventV2) => (events.push(event), { ok: true }));
  const authorizerEvents: APIGatewayRequestAuthorizerEventV2[] = [];
  f.sb.lambda.createFunction({ FunctionName: "auth", handler: async (event: APIGatewayRequestAuthorizerEventV2) => (authorizerEvents.push(event), authorizer(event)) });
  allowApi(f.sb, "auth", f.apiId);
  const { AuthorizerId } = valueOf(
    f.sb.apigateway.v2.createAuthorizer({
      ApiId: f.apiId,
      Name: "keys",
      AuthorizerType: "REQUEST",
      AuthorizerUri: fnArn("auth"),
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: settings.simple ?? true,
      IdentitySource: ["$request.header.Authorization"],
      AuthorizerResultTtlInSeconds: settings.ttl ?? 0,
    }),
  );
  valueOf(f.sb.apigateway.v2.createRoute({ ApiId: f.apiId, RouteKey: "GET /orders/{id}", Target: `integrations/${f.integrationId}`, AuthorizationType: "CUSTOM", AuthorizerId }));
  const call = (id: string, headers: Record<string, string> = {}) => f.sb.apigateway.fetch(`${f.base}/orders/${id}`, { headers });
  return { ...f, events, authorizerEvents, call };
}

describe("HTTP API Lambda authorizers", () => {
  it("lets isAuthorized: true through with its context under requestContext.authorizer.lambda", async () => {
    const f = givenAuthorizedHttpApi(async (event) => ({ isAuthorized: event.headers?.["authorization"] === "secret", context: { user: "ana" } }));
    expect((await f.call("7", { authorization: "secret" })).status).toBe(200);
    expect(f.authorizerEvents[0]).toMatchObject({ version: "2.0", type: "REQUEST", routeArn: `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/$default/GET/orders/7`, identitySource: ["secret"], routeKey: "GET /orders/{id}", pathParameters: { id: "7" } });
    expect(f.events[0]?.requestContext).toMatchObject({ authorizer: { lambda: { user: "ana" } } });
    const refused = await f.call("7", { authorization: "wrong" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: "Forbidden" });
  });

  it("answers 401 without the identity source, and 500 when the authorizer fails", async () => {
    const f = givenAuthorizedHttpApi(async () => {
      throw new Error("boom");
    });
    const missing = await f.call("7");
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: "Unauthorized" });
    expect(f.authorizerEvents).toHaveLength(0);
    expect((await f.call("7", { authorization: "x" })).status).toBe(500);
  });

  it("evaluates an IAM policy when simple responses are off, and caches per identity for the TTL", async () => {
    const f = givenAuthorizedHttpApi(
      async (event) => ({ principalId: "ana", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.routeArn }] } }),
      { simple: false, ttl: 30 },
    );
    expect((await f.call("1", { authorization: "t" })).status).toBe(200);
    expect((await f.call("1", { authorization: "t" })).status).toBe(200);
    expect((await f.call("2", { authorization: "t" })).status).toBe(403);
    expect(f.authorizerEvents).toHaveLength(1);
  });

  it("refuses bad authorizer settings with clear texts", () => {
    const f = givenHttpApi(async () => ({}));
    const base = { ApiId: f.apiId, Name: "a", AuthorizerType: "REQUEST", AuthorizerUri: fnArn("fn") };
    expect(f.sb.apigateway.v2.createAuthorizer(base)).toMatchObject({ ok: false, fault: { message: "AuthorizerPayloadFormatVersion is required for REQUEST authorizers and must be 1.0 or 2.0" } });
    expect(f.sb.apigateway.v2.createAuthorizer({ ...base, AuthorizerPayloadFormatVersion: "1.0", EnableSimpleResponses: true })).toMatchObject({ ok: false, fault: { message: "Simple responses are only supported for payload format version 2.0" } });
    expect(f.sb.apigateway.v2.createAuthorizer({ ...base, AuthorizerPayloadFormatVersion: "2.0", AuthorizerResultTtlInSeconds: 60 })).toMatchObject({ ok: false, fault: { message: "Identity source is required when authorizer caching is enabled" } });
    expect(f.sb.apigateway.v2.createRoute({ ApiId: f.apiId, RouteKey: "GET /x", AuthorizationType: "CUSTOM", AuthorizerId: "nope" })).toMatchObject({ ok: false, fault: { code: "BadRequestException" } });
  });
});
