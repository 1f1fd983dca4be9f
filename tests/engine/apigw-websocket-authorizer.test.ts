/**
 * Lambda REQUEST authorizers on a WebSocket API's $connect route, built with @aws-sdk/client-apigatewayv2: the
 * authorizer's input, Allow (its context on every event of the connection), Deny (403), "Unauthorized" (401), a
 * missing identity source (401 without a call), failures (500), and what CreateAuthorizer/CreateRoute refuse.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, WebSocketRefused, type LambdaHandler, type Sandbox } from "sandbox-engine";
import * as v2 from "sandbox-engine/aws/client-apigatewayv2";
import { allowApi, fnArn, proxyUri } from "./apigw-helpers.ts";
import { errorOf } from "./sqs-helpers.ts";

type Handler = (event: any) => unknown;

interface GuardedChat {
  sb: Sandbox;
  apiId: string;
  authorizerId: string;
  wss: string;
  apigw: v2.ApiGatewayV2Client;
  authorizerEvents: any[];
  events: Record<"$connect" | "$default", any[]>;
}

const allow = (principalId: string, resource: string, context: Record<string, unknown> = {}) => ({
  principalId,
  policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resource }] },
  context,
});

/**
 * A WebSocket API whose $connect route is guarded by the REQUEST authorizer "tokens" (identity sources: the Auth
 * header and the token query string parameter), with $connect and $default functions, stage "prod".
 */
async function givenGuardedChat(authorizer: Handler, options: { authorizerPermission?: boolean; stageVariables?: Record<string, string> } = {}): Promise<GuardedChat> {
  const sb = createSandbox();
  const apigw = new v2.ApiGatewayV2Client({ maxAttempts: 1 });
  const { ApiId = "", ApiEndpoint } = await apigw.send(new v2.CreateApiCommand({ Name: "chat", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
  const authorizerEvents: any[] = [];
  sb.lambda.createFunction({ FunctionName: "tokens", handler: (async (event: any) => (authorizerEvents.push(event), authorizer(event))) as LambdaHandler });
  if (options.authorizerPermission !== false) allowApi(sb, "tokens", ApiId);
  const { AuthorizerId = "" } = await apigw.send(
    new v2.CreateAuthorizerCommand({
      ApiId,
      Name: "tokens",
      AuthorizerType: "REQUEST",
      AuthorizerUri: proxyUri("tokens"),
      IdentitySource: ["route.request.header.Auth", "route.request.querystring.token"],
    }),
  );
  const events: GuardedChat["events"] = { $connect: [], $default: [] };
  for (const routeKey of ["$connect", "$default"] as const) {
    const name = `chat-${routeKey.slice(1)}`;
    sb.lambda.createFunction({ FunctionName: name, handler: (async (event: any) => (events[routeKey].push(event), { statusCode: 200 })) as LambdaHandler });
    allowApi(sb, name, ApiId);
    const { IntegrationId } = await apigw.send(new v2.CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(name) }));
    const guard = routeKey === "$connect" ? { AuthorizationType: "CUSTOM" as const, AuthorizerId } : {};
    await apigw.send(new v2.CreateRouteCommand({ ApiId, RouteKey: routeKey, Target: `integrations/${IntegrationId}`, ...guard }));
  }
  await apigw.send(new v2.CreateStageCommand({ ApiId, StageName: "prod", AutoDeploy: true, ...(options.stageVariables === undefined ? {} : { StageVariables: options.stageVariables }) }));
  return { sb, apiId: ApiId, authorizerId: AuthorizerId, wss: `${ApiEndpoint}/prod`, apigw, authorizerEvents, events };
}

describe("WebSocket $connect authorizers", () => {
  it("calls the authorizer with the $connect request and methodArn; Allow connects, and its context reaches $connect and every later message", async () => {
    const chat = await givenGuardedChat((event) => allow("ana", event.methodArn, { room: "blue", level: 3, admin: false }));
    const client = await chat.sb.apigateway.connect(chat.wss, { headers: { Auth: "secret" }, query: { token: "t1" } });
    expect(chat.authorizerEvents).toHaveLength(1);
    const [input] = chat.authorizerEvents;
    expect(input).toMatchObject({
      type: "REQUEST",
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${chat.apiId}/prod/$connect`,
      headers: { Auth: "secret", Connection: "upgrade", Upgrade: "websocket", Host: `${chat.apiId}.execute-api.us-east-1.amazonaws.com`, "Sec-WebSocket-Version": "13" },
      multiValueHeaders: { Auth: ["secret"] },
      queryStringParameters: { token: "t1" },
      multiValueQueryStringParameters: { token: ["t1"] },
      stageVariables: {},
      requestContext: { routeKey: "$connect", eventType: "CONNECT", connectionId: client.connectionId, stage: "prod", apiId: chat.apiId, messageDirection: "IN" },
    });
    expect(input).not.toHaveProperty("body");
    expect(input).not.toHaveProperty("pathParameters");
    expect(input.requestContext).not.toHaveProperty("authorizer");

    const granted = { principalId: "ana", room: "blue", level: 3, admin: false, integrationLatency: 0 };
    expect(chat.events.$connect[0].requestContext.authorizer).toEqual(granted);
    expect(chat.events.$connect[0].headers, "the integration's event has no Upgrade header; the authorizer's has").not.toHaveProperty("Upgrade");
    await client.send("hello");
    expect(chat.events.$default[0].requestContext.authorizer).toEqual(granted);
    const authorize = chat.sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "authorize");
    expect(authorize).toHaveLength(1);
    expect(authorize[0]).toMatchObject({ resource: chat.apiId, details: { authorizer: "tokens", result: "allow", cached: false } });
  });

  it("refuses the handshake with 403 on a Deny or a policy for another route, and $connect never runs", async () => {
    const chat = await givenGuardedChat((event) =>
      event.headers.Auth === "deny"
        ? { principalId: "bo", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Deny", Resource: event.methodArn }] } }
        : allow("bo", event.methodArn.replace("/prod/", "/dev/")),
    );
    for (const auth of ["deny", "elsewhere"]) {
      const refused = await errorOf(chat.sb.apigateway.connect(chat.wss, { headers: { Auth: auth }, query: { token: "t" } }));
      expect(refused).toBeInstanceOf(WebSocketRefused);
      expect(refused).toMatchObject({ status: 403, message: expect.stringMatching(/^Unexpected server response: 403/) });
    }
    expect(chat.authorizerEvents).toHaveLength(2);
    expect(chat.events.$connect).toHaveLength(0);
    expect(chat.sb.apigateway.metrics(chat.apiId, { stage: "prod" }), "two 403s before the $connect integration: ClientErrors").toMatchObject({ ClientError: 2, ConnectCount: 0 });
  });

  it("answers 401 without calling the authorizer when an identity source is missing or empty, and 401 when it fails with Unauthorized", async () => {
    const chat = await givenGuardedChat((event) => {
      if (event.queryStringParameters.token !== "good") throw new Error("Unauthorized");
      return allow("ana", event.methodArn);
    });
    for (const [headers, query] of [[{}, { token: "good" }], [{ Auth: "a" }, {}], [{ Auth: "" }, { token: "good" }]] as const) {
      expect(await errorOf(chat.sb.apigateway.connect(chat.wss, { headers, query }))).toMatchObject({ status: 401 });
    }
    expect(chat.authorizerEvents).toHaveLength(0);
    expect(await errorOf(chat.sb.apigateway.connect(`${chat.wss}?token=bad`, { headers: { auth: "a" } }))).toMatchObject({ status: 401 });
    expect(chat.authorizerEvents).toHaveLength(1);
    await expect(chat.sb.apigateway.connect(`${chat.wss}?token=good`, { headers: { auth: "a" } })).resolves.toMatchObject({ isOpen: true });
    expect(chat.events.$connect).toHaveLength(1);
  });

  it("answers 500 when the authorizer throws, answers nonsense, or may not be invoked (its resource policy, through Lambda)", async () => {
    const broken = await givenGuardedChat((event) => {
      if (event.headers.Auth === "throw") throw new Error("db down");
      return { allowed: true };
    });
    for (const auth of ["throw", "nonsense"]) {
      expect(await errorOf(broken.sb.apigateway.connect(broken.wss, { headers: { Auth: auth }, query: { token: "t" } }))).toMatchObject({ status: 500 });
    }
    const unpermitted = await givenGuardedChat((event) => allow("ana", event.methodArn), { authorizerPermission: false });
    expect(await errorOf(unpermitted.sb.apigateway.connect(unpermitted.wss, { headers: { Auth: "a" }, query: { token: "t" } }))).toMatchObject({ status: 500 });
    expect(unpermitted.authorizerEvents).toHaveLength(0);
    expect(unpermitted.sb.trace.events.filter((event) => event.service === "lambda" && event.kind === "invoke-denied")).toHaveLength(1);
    expect(unpermitted.events.$connect).toHaveLength(0);
  });

  it("passes the stage's variables to the authorizer, and CreateAuthorizer accepts a stageVariables identity source", async () => {
    const chat = await givenGuardedChat((event) => allow("ana", event.methodArn), { stageVariables: { realm: "blue" } });
    const { AuthorizerId } = await chat.apigw.send(
      new v2.CreateAuthorizerCommand({ ApiId: chat.apiId, Name: "realm", AuthorizerType: "REQUEST", AuthorizerUri: fnArn("tokens"), IdentitySource: ["stageVariables.realm"] }),
    );
    expect(AuthorizerId).toMatch(/^[a-z0-9]{6}$/);
    await chat.sb.apigateway.connect(chat.wss, { headers: { Auth: "a" }, query: { token: "t" } });
    expect(chat.authorizerEvents[0].stageVariables).toEqual({ realm: "blue" });
  });

  it("CreateAuthorizer and CreateRoute refuse what WebSocket APIs do not support, with BadRequestException", async () => {
    const { apigw, apiId, authorizerId } = await givenGuardedChat(() => ({}));
    const create = (input: Partial<v2.CreateAuthorizerCommandInput>) =>
      errorOf(apigw.send(new v2.CreateAuthorizerCommand({ ApiId: apiId, Name: "a", AuthorizerType: "REQUEST", AuthorizerUri: fnArn("tokens"), IdentitySource: ["route.request.header.Auth"], ...input })));
    const refusals = {
      jwt: await create({ AuthorizerType: "JWT", JwtConfiguration: { Issuer: "https://issuer.example", Audience: ["a"] } }),
      httpSource: await create({ IdentitySource: ["$request.header.Auth"] }),
      ttl: await create({ AuthorizerResultTtlInSeconds: 300 }),
      payloadFormat: await create({ AuthorizerPayloadFormatVersion: "2.0" }),
    };
    for (const error of Object.values(refusals)) expect(error).toBeInstanceOf(v2.BadRequestException);
    expect(refusals.jwt.message).toBe("Invalid authorizer type JWT. WebSocket APIs support REQUEST authorizers only");
    expect(refusals.ttl.message).toBe("AuthorizerResultTtlInSeconds is supported only for HTTP API Lambda authorizers, not WebSocket APIs");
    expect(refusals.httpSource.message).toMatch(/^Invalid identity source specified/);

    const onMessageRoute = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: apiId, RouteKey: "sendMessage", AuthorizationType: "CUSTOM", AuthorizerId: authorizerId })));
    expect(onMessageRoute).toBeInstanceOf(v2.BadRequestException);
    expect(onMessageRoute.message).toBe("Authorization is only supported on the $connect route of a WebSocket API");
    const { ApiId: otherId } = await apigw.send(new v2.CreateApiCommand({ Name: "other", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
    const foreign = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: otherId, RouteKey: "$connect", AuthorizationType: "CUSTOM", AuthorizerId: authorizerId })));
    expect(foreign.message).toMatch(/^Invalid authorizer id specified/);
    const jwtRoute = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: otherId, RouteKey: "$connect", AuthorizationType: "JWT", AuthorizerId: authorizerId })));
    expect(jwtRoute.message).toMatch(/^JWT authorizers are supported only for HTTP APIs/);
  });
});
