import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, APIGatewayTokenAuthorizerEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { valueOf } from "./lambda-helpers.ts";
import { allowApi, fnArn, givenRestApi, proxyUri } from "./apigw-helpers.ts";

const policy = (effect: "Allow" | "Deny", resource: string, context?: Record<string, string | number | boolean>): APIGatewayAuthorizerResult => ({
  principalId: "user-1",
  policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] },
  ...(context === undefined ? {} : { context }),
});

/** GET /orders/{id} behind a TOKEN (or REQUEST) authorizer function "auth". */
/** `any`: each test's authorizer takes its own event type (TOKEN or REQUEST). */
function givenAuthorizedApi(authorizer: (event: any) => Promise<unknown>, settings: { type?: "TOKEN" | "REQUEST"; identitySource?: string; ttl?: number; permission?: boolean } = {}) {
  const events: APIGatewayProxyEvent[] = [];
  const f = givenRestApi(async (event: APIGatewayProxyEvent) => (events.push(event), { statusCode: 200, body: "ok" }));
  const authorizerEvents: unknown[] = [];
  f.sb.lambda.createFunction({ FunctionName: "auth", handler: async (event: unknown) => (authorizerEvents.push(event), authorizer(event)) });
  if (settings.permission !== false) allowApi(f.sb, "auth", f.apiId);
  const created = valueOf(
    f.sb.apigateway.createAuthorizer({
      restApiId: f.apiId,
      name: "tokens",
      type: settings.type ?? "TOKEN",
      authorizerUri: proxyUri("auth"),
      ...(settings.identitySource === undefined ? {} : { identitySource: settings.identitySource }),
      ...(settings.ttl === undefined ? {} : { authorizerResultTtlInSeconds: settings.ttl }),
    }),
  );
  const { id: orders } = valueOf(f.sb.apigateway.createResource({ restApiId: f.apiId, parentId: f.rootId, pathPart: "orders" }));
  const { id: resourceId } = valueOf(f.sb.apigateway.createResource({ restApiId: f.apiId, parentId: orders, pathPart: "{id}" }));
  valueOf(f.sb.apigateway.putMethod({ restApiId: f.apiId, resourceId, httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: created.id }));
  valueOf(f.sb.apigateway.putIntegration({ restApiId: f.apiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("fn") }));
  f.deploy("prod");
  const methodArn = (id: string) => `arn:aws:execute-api:us-east-1:123456789012:${f.apiId}/prod/GET/orders/${id}`;
  const call = (id: string, headers: Record<string, string> = {}) => f.sb.apigateway.fetch(f.url("prod", `/orders/${id}`), { headers });
  return { ...f, events, authorizerEvents, methodArn, call };
}

describe("REST Lambda authorizers", () => {
  it("passes an allowed caller with the authorizer's context in requestContext.authorizer", async () => {
    const f = givenAuthorizedApi(async () => policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/orders/*", { tenant: "acme", tier: 2 }));
    const response = await f.call("42", { authorization: "Bearer good" });
    expect(response.status).toBe(200);
    expect(f.authorizerEvents).toEqual([{ type: "TOKEN", authorizationToken: "Bearer good", methodArn: f.methodArn("42") } satisfies APIGatewayTokenAuthorizerEvent]);
    expect(f.events[0]?.requestContext.authorizer).toMatchObject({ principalId: "user-1", tenant: "acme", tier: 2 });
  });

  it("answers 401 Unauthorized without the token, without calling the authorizer", async () => {
    const f = givenAuthorizedApi(async () => policy("Allow", "*"));
    const response = await f.call("42");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
    expect(f.authorizerEvents).toHaveLength(0);
  });

  it("answers 401 when the authorizer fails with Error(\"Unauthorized\")", async () => {
    const f = givenAuthorizedApi(async () => {
      throw new Error("Unauthorized");
    });
    expect((await f.call("42", { authorization: "bad" })).status).toBe(401);
  });

  it("answers 403 with AWS's texts for an explicit deny and for a policy that does not allow the method", async () => {
    const f = givenAuthorizedApi(async (event: APIGatewayTokenAuthorizerEvent) =>
      event.authorizationToken === "deny" ? policy("Deny", event.methodArn) : policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:*/prod/POST/*"),
    );
    const denied = await f.call("42", { authorization: "deny" });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ message: "User is not authorized to access this resource with an explicit deny" });
    const notAllowed = await f.call("42", { authorization: "other" });
    expect(notAllowed.status).toBe(403);
    expect(await notAllowed.json()).toEqual({ message: "User is not authorized to access this resource" });
    expect(f.events).toHaveLength(0);
  });

  it("caches the policy per token for the TTL: a policy for one path denies another path of the proxy meanwhile", async () => {
    const f = givenAuthorizedApi(async (event: APIGatewayTokenAuthorizerEvent) => policy("Allow", event.methodArn), { ttl: 60 });
    expect((await f.call("1", { authorization: "t" })).status).toBe(200);
    expect((await f.call("1", { authorization: "t" })).status).toBe(200);
    expect(f.authorizerEvents).toHaveLength(1);
    expect((await f.call("2", { authorization: "t" })).status).toBe(403);
    expect(f.sb.trace.events.filter((event) => event.kind === "authorize").map((event) => event.details)).toEqual([
      { authorizer: "tokens", result: "allow", cached: false },
      { authorizer: "tokens", result: "allow", cached: true },
      { authorizer: "tokens", result: "ACCESS_DENIED" },
    ].map((details) => ({ cached: false, ...details })));
    await f.sb.clock.advance(60_000);
    expect((await f.call("2", { authorization: "t" })).status).toBe(200);
    expect(f.authorizerEvents).toHaveLength(2);
  });

  it("calls the authorizer every time with a TTL of 0", async () => {
    const f = givenAuthorizedApi(async () => policy("Allow", "*"), { ttl: 0 });
    await f.call("1", { authorization: "t" });
    await f.call("1", { authorization: "t" });
    expect(f.authorizerEvents).toHaveLength(2);
  });

  it("gives a REQUEST authorizer the request's headers, query and path", async () => {
    const f = givenAuthorizedApi(async () => policy("Allow", "*"), { type: "REQUEST", identitySource: "method.request.header.x-tenant,method.request.querystring.key" });
    expect((await f.call("9", { "x-tenant": "acme" })).status).toBe(401);
    expect((await f.sb.apigateway.fetch(f.url("prod", "/orders/9?key=k1"), { headers: { "x-tenant": "acme" } })).status).toBe(200);
    const [event] = f.authorizerEvents as APIGatewayRequestAuthorizerEvent[];
    expect(event).toMatchObject({ type: "REQUEST", methodArn: f.methodArn("9"), resource: "/orders/{id}", path: "/orders/9", httpMethod: "GET", pathParameters: { id: "9" }, queryStringParameters: { key: "k1" } });
    expect(event?.headers).toMatchObject({ "x-tenant": "acme" });
  });

  it("answers 500 {\"message\": null} when the authorizer answers no policy or may not be invoked", async () => {
    const f = givenAuthorizedApi(async () => ({ principalId: "x" }));
    const response = await f.call("1", { authorization: "t" });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message": null}');
    const g = givenAuthorizedApi(async () => policy("Allow", "*"), { permission: false });
    expect((await g.call("1", { authorization: "t" })).status).toBe(500);
  });

  it("refuses CUSTOM without a valid authorizer, and bad authorizer settings", () => {
    const f = givenRestApi(async () => ({ statusCode: 200, body: "" }));
    expect(f.sb.apigateway.putMethod({ restApiId: f.apiId, resourceId: f.rootId, httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: "nope" })).toMatchObject({
      ok: false,
      fault: { code: "BadRequestException", message: "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer." },
    });
    expect(f.sb.apigateway.createAuthorizer({ restApiId: f.apiId, name: "a", type: "TOKEN", authorizerUri: proxyUri("fn"), authorizerResultTtlInSeconds: 3601 })).toMatchObject({
      ok: false,
      fault: { code: "BadRequestException", message: "Authorizer result TTL must be between 0 and 3600 seconds" },
    });
    expect(f.sb.apigateway.createAuthorizer({ restApiId: f.apiId, name: "a", type: "REQUEST", authorizerUri: proxyUri("fn") })).toMatchObject({ ok: false, fault: { code: "BadRequestException" } });
    void fnArn;
  });
});
