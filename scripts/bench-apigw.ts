// `node scripts/bench-apigw.ts`: requests per second through API Gateway to a Lambda function, in Node, with
// sb.apigateway.fetch: a REST API proxy resource ({proxy+}, payload 1.0) and an HTTP API route (GET /orders/{id},
// payload 2.0), the REST resource behind a TOKEN Lambda authorizer and the HTTP route behind a REQUEST Lambda
// authorizer (TTL 0: the authorizer runs on every request), and the HTTP route behind a JWT authorizer (a token of
// sb.world.identity: its claims checked on every request, its RS256 signature once). The virtual clock moves 100 ms every 500
// requests so the account's 10,000 rps bucket never throttles. WebSocket APIs: connections per second (connect, then
// close: $connect and $disconnect run; with and without a REQUEST authorizer on $connect) and messages per second on
// one connection to a custom route. Measured, never asserted. Prints numbers only.
import { createSandbox, type Sandbox } from "../sandbox-engine/src/index.ts";

const fnArn = (sb: Sandbox) => `arn:aws:lambda:${sb.region}:${sb.accountId}:function:orders`;

function must<T>(outcome: { ok: true; value: T } | { ok: false; fault: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.fault.message);
  return outcome.value;
}

function setUpFunction(): Sandbox {
  const sb = createSandbox({ seed: 1 });
  sb.lambda.createFunction({ FunctionName: "orders", handler: async (event: { pathParameters?: Record<string, string> | null }) => ({ statusCode: 200, body: JSON.stringify({ id: event.pathParameters ?? null }) }) });
  return sb;
}

function allow(sb: Sandbox, apiId: string): void {
  must(sb.lambda.addPermission({ FunctionName: "orders", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${apiId}/*` }));
}

const lambdaUri = (sb: Sandbox, arn: string) => `arn:aws:apigateway:${sb.region}:lambda:path/2015-03-31/functions/${arn}/invocations`;

function restApi(withAuthorizer = false): { sb: Sandbox; url: (i: number) => string; headers?: Record<string, string> } {
  const sb = setUpFunction();
  const api = must(sb.apigateway.createRestApi({ name: "orders" }));
  allow(sb, api.id);
  let authorizerId: string | undefined;
  if (withAuthorizer) {
    sb.lambda.createFunction({
      FunctionName: "auth",
      handler: async (event: { methodArn: string }) => ({ principalId: "u", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }] } }),
    });
    must(sb.lambda.addPermission({ FunctionName: "auth", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${api.id}/*` }));
    authorizerId = must(sb.apigateway.createAuthorizer({ restApiId: api.id, name: "tokens", type: "TOKEN", authorizerUri: lambdaUri(sb, `arn:aws:lambda:${sb.region}:${sb.accountId}:function:auth`), authorizerResultTtlInSeconds: 0 })).id;
  }
  const proxy = must(sb.apigateway.createResource({ restApiId: api.id, parentId: api.rootResourceId, pathPart: "{proxy+}" }));
  must(sb.apigateway.putMethod({ restApiId: api.id, resourceId: proxy.id, httpMethod: "ANY", authorizationType: withAuthorizer ? "CUSTOM" : "NONE", authorizerId }));
  must(
    sb.apigateway.putIntegration({
      restApiId: api.id,
      resourceId: proxy.id,
      httpMethod: "ANY",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: lambdaUri(sb, fnArn(sb)),
    }),
  );
  must(sb.apigateway.createDeployment({ restApiId: api.id, stageName: "prod" }));
  return { sb, url: (i) => `https://${api.id}.execute-api.${sb.region}.amazonaws.com/prod/orders/${i}`, ...(withAuthorizer ? { headers: { authorization: "Bearer t" } } : {}) };
}

function httpApi(authorizer: "none" | "lambda" | "jwt" = "none"): { sb: Sandbox; url: (i: number) => string; headers?: Record<string, string> } {
  const sb = setUpFunction();
  const api = must(sb.apigateway.v2.createApi({ Name: "orders", ProtocolType: "HTTP" }));
  allow(sb, api.ApiId);
  let auth: { AuthorizationType: "CUSTOM" | "JWT"; AuthorizerId: string } | undefined;
  let headers: Record<string, string> | undefined;
  if (authorizer === "lambda") {
    sb.lambda.createFunction({ FunctionName: "auth", handler: async () => ({ isAuthorized: true, context: { user: "u" } }) });
    must(sb.lambda.addPermission({ FunctionName: "auth", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${api.ApiId}/*` }));
    const created = must(sb.apigateway.v2.createAuthorizer({ ApiId: api.ApiId, Name: "keys", AuthorizerType: "REQUEST", AuthorizerUri: lambdaUri(sb, `arn:aws:lambda:${sb.region}:${sb.accountId}:function:auth`), AuthorizerPayloadFormatVersion: "2.0", EnableSimpleResponses: true, IdentitySource: ["$request.header.Authorization"] }));
    auth = { AuthorizationType: "CUSTOM", AuthorizerId: created.AuthorizerId };
    headers = { authorization: "Bearer t" };
  } else if (authorizer === "jwt") {
    const issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EventLab";
    const created = must(sb.apigateway.v2.createAuthorizer({ ApiId: api.ApiId, Name: "users", AuthorizerType: "JWT", JwtConfiguration: { Issuer: issuer, Audience: ["shop"] } }));
    auth = { AuthorizationType: "JWT", AuthorizerId: created.AuthorizerId };
    headers = { authorization: `Bearer ${sb.world.identity.issueJwt({ issuer, audience: "shop", expiresIn: 86_400 })}` };
  }
  const integration = must(sb.apigateway.v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(sb), PayloadFormatVersion: "2.0" }));
  must(sb.apigateway.v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /orders/{id}", Target: `integrations/${integration.IntegrationId}`, ...auth }));
  must(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));
  return { sb, url: (i) => `${api.ApiEndpoint}/orders/${i}`, ...(headers === undefined ? {} : { headers }) };
}

/** A WebSocket API with $connect, $disconnect and a "ping" route to the function, optionally an authorizer on $connect. */
async function webSocketApi(withAuthorizer: boolean): Promise<{ sb: Sandbox; wss: string; options: { query?: Record<string, string> } }> {
  const sb = setUpFunction();
  const api = must(sb.apigateway.v2.createApi({ Name: "chat", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
  allow(sb, api.ApiId);
  let guard: { AuthorizationType: "CUSTOM"; AuthorizerId: string } | undefined;
  if (withAuthorizer) {
    sb.lambda.createFunction({
      FunctionName: "auth",
      handler: async (event: { methodArn: string }) => ({ principalId: "u", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }] }, context: { user: "u" } }),
    });
    must(sb.lambda.addPermission({ FunctionName: "auth", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${api.ApiId}/*` }));
    const created = must(sb.apigateway.v2.createAuthorizer({ ApiId: api.ApiId, Name: "tokens", AuthorizerType: "REQUEST", AuthorizerUri: lambdaUri(sb, `arn:aws:lambda:${sb.region}:${sb.accountId}:function:auth`), IdentitySource: ["route.request.querystring.token"] }));
    guard = { AuthorizationType: "CUSTOM", AuthorizerId: created.AuthorizerId };
  }
  const integration = must(sb.apigateway.v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(sb) }));
  for (const routeKey of ["$connect", "$disconnect", "ping"]) {
    must(sb.apigateway.v2.createRoute({ ApiId: api.ApiId, RouteKey: routeKey, Target: `integrations/${integration.IntegrationId}`, ...(routeKey === "$connect" ? guard : {}) }));
  }
  must(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "prod", AutoDeploy: true }));
  return { sb, wss: `${api.ApiEndpoint}/prod`, options: withAuthorizer ? { query: { token: "t" } } : {} };
}

async function connectionRate(withAuthorizer: boolean, connections: number): Promise<number> {
  const { sb, wss, options } = await webSocketApi(withAuthorizer);
  const started = performance.now();
  for (let i = 0; i < connections; i++) await (await sb.apigateway.connect(wss, options)).close();
  return connections / ((performance.now() - started) / 1000);
}

async function messageRate(messages: number): Promise<number> {
  const { sb, wss } = await webSocketApi(false);
  const client = await sb.apigateway.connect(wss);
  const message = JSON.stringify({ action: "ping", text: "hello" });
  const started = performance.now();
  for (let i = 0; i < messages; i++) await client.send(message);
  return messages / ((performance.now() - started) / 1000);
}

async function rate(setUp: () => { sb: Sandbox; url: (i: number) => string; headers?: Record<string, string> }, requests: number): Promise<number> {
  const { sb, url, headers } = setUp();
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const response = await sb.apigateway.fetch(url(i), headers === undefined ? {} : { headers });
    if (response.status !== 200) throw new Error(`request ${i} answered ${response.status}`);
    await response.text();
    if (i % 500 === 499) await sb.clock.advance(100);
  }
  return requests / ((performance.now() - started) / 1000);
}

const rounds = 3;
const best = (values: number[]) => Math.round(Math.max(...values));
await rate(() => restApi(), 500); // warm-up
const rest: number[] = [];
const http: number[] = [];
const authorized: number[] = [];
const httpLambdaAuthorized: number[] = [];
const httpJwtAuthorized: number[] = [];
const webSocketConnections: number[] = [];
const webSocketAuthorizedConnections: number[] = [];
const webSocketMessages: number[] = [];
for (let r = 0; r < rounds; r++) {
  webSocketConnections.push(await connectionRate(false, 1_000));
  webSocketAuthorizedConnections.push(await connectionRate(true, 1_000));
  webSocketMessages.push(await messageRate(3_000));
  rest.push(await rate(() => restApi(), 3_000));
  http.push(await rate(() => httpApi(), 3_000));
  authorized.push(await rate(() => restApi(true), 3_000));
  httpLambdaAuthorized.push(await rate(() => httpApi("lambda"), 3_000));
  httpJwtAuthorized.push(await rate(() => httpApi("jwt"), 3_000));
}
console.log(`api gateway REST proxy resource -> lambda (sb.apigateway.fetch): ${best(rest)} requests/s`);
console.log(`api gateway HTTP route GET /orders/{id} -> lambda (sb.apigateway.fetch): ${best(http)} requests/s`);
console.log(`api gateway REST proxy resource with a TOKEN authorizer (TTL 0) -> lambda (sb.apigateway.fetch): ${best(authorized)} requests/s`);
console.log(`api gateway HTTP route with a REQUEST Lambda authorizer (simple responses, TTL 0) -> lambda (sb.apigateway.fetch): ${best(httpLambdaAuthorized)} requests/s`);
console.log(`api gateway HTTP route with a JWT authorizer (claims checked per request, the RS256 signature once per token) -> lambda (sb.apigateway.fetch): ${best(httpJwtAuthorized)} requests/s`);
console.log(`api gateway WebSocket connect + close ($connect and $disconnect -> lambda, sb.apigateway.connect): ${best(webSocketConnections)} connections/s`);
console.log(`api gateway WebSocket connect + close with a REQUEST authorizer on $connect: ${best(webSocketAuthorizedConnections)} connections/s`);
console.log(`api gateway WebSocket messages to a custom route -> lambda (ws.send): ${best(webSocketMessages)} messages/s`);
