/**
 * WebSocket APIs: built with @aws-sdk/client-apigatewayv2, called with sb.apigateway.connect, pushed to with
 * @aws-sdk/client-apigatewaymanagementapi (endpoint: the stage's https URL). Lifecycles ($connect, routes,
 * $disconnect), the events field by field, refusals, gone connections, idle and maximum durations, frame and
 * message size limits (authorizers: apigw-websocket-authorizer.test.ts).
 */
import { describe, expect, it } from "vitest";
import { createSandbox, WebSocketRefused, type LambdaHandler, type Sandbox } from "sandbox-engine";
import * as v2 from "sandbox-engine/aws/client-apigatewayv2";
import * as management from "sandbox-engine/aws/client-apigatewaymanagementapi";
import { apiGatewayManagementOperationNames } from "../../sandbox-engine/src/apigateway/wire/apigatewaymanagementapi-rest-protocol.ts";
import { allowApi, fnArn } from "./apigw-helpers.ts";
import { errorOf } from "./sqs-helpers.ts";

type Handler = (event: any) => unknown;

interface Chat {
  sb: Sandbox;
  apiId: string;
  wss: string;
  endpoint: string;
  apigw: v2.ApiGatewayV2Client;
  events: Record<string, any[]>;
}

/**
 * A WebSocket API "chat" (route selection `$request.body.action`) with a function per route, stage "prod"
 * deployed automatically. Each function records its events; `handlers` says what it answers.
 */
async function givenChat(handlers: Record<string, Handler>, options: { permission?: boolean; routeResponse?: string[] } = {}): Promise<Chat> {
  const sb = createSandbox();
  const apigw = new v2.ApiGatewayV2Client({ maxAttempts: 1 });
  const { ApiId, ApiEndpoint } = await apigw.send(new v2.CreateApiCommand({ Name: "chat", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
  const apiId = ApiId!;
  const events: Record<string, any[]> = {};
  for (const [routeKey, handler] of Object.entries(handlers)) {
    const name = `chat-${routeKey.replace("$", "")}`;
    events[routeKey] = [];
    sb.lambda.createFunction({ FunctionName: name, handler: (async (event: any) => (events[routeKey]!.push(event), handler(event))) as LambdaHandler });
    if (options.permission !== false) allowApi(sb, name, apiId);
    const { IntegrationId } = await apigw.send(new v2.CreateIntegrationCommand({ ApiId: apiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(name) }));
    await apigw.send(new v2.CreateRouteCommand({
      ApiId: apiId,
      RouteKey: routeKey,
      Target: `integrations/${IntegrationId}`,
      ...(options.routeResponse?.includes(routeKey) ? { RouteResponseSelectionExpression: "$default" } : {}),
    }));
  }
  await apigw.send(new v2.CreateStageCommand({ ApiId: apiId, StageName: "prod", AutoDeploy: true }));
  return { sb, apiId, wss: `${ApiEndpoint}/prod`, endpoint: `https://${apiId}.execute-api.us-east-1.amazonaws.com/prod`, apigw, events };
}

describe("WebSocket APIs", () => {
  it("a chat room: $connect stores the connection, sendMessage broadcasts with PostToConnection, gone connections are cleaned up", async () => {
    const connected = new Set<string>();
    const posted: string[] = [];
    const chat = await givenChat({
      $connect: (event) => (connected.add(event.requestContext.connectionId), { statusCode: 200 }),
      $disconnect: (event) => (connected.delete(event.requestContext.connectionId), { statusCode: 200 }),
      sendMessage: async (event) => {
        const client = new management.ApiGatewayManagementApiClient({ endpoint: `https://${event.requestContext.domainName}/${event.requestContext.stage}` });
        const { text } = JSON.parse(event.body);
        for (const id of [...connected]) {
          try {
            await client.send(new management.PostToConnectionCommand({ ConnectionId: id, Data: text }));
            posted.push(id);
          } catch (error) {
            if (error instanceof management.GoneException) connected.delete(id);
            else throw error;
          }
        }
        return { statusCode: 200 };
      },
    });
    const ana = await chat.sb.apigateway.connect(chat.wss);
    const bo = await chat.sb.apigateway.connect(chat.wss);
    expect([...connected]).toEqual([ana.connectionId, bo.connectionId]);
    expect(ana.connectionId).toMatch(/^[A-Za-z0-9+/]{14}[A-Za-z0-9+/=]{2}$/);
    await ana.send(JSON.stringify({ action: "sendMessage", text: "hello" }));
    expect(await ana.next()).toBe("hello");
    expect(await bo.next()).toBe("hello");
    await bo.close();
    expect(await bo.closed).toEqual({ code: 1000, reason: "" });
    expect([...connected]).toEqual([ana.connectionId]);
    // A connection that vanished without $disconnect (here: its id is made up) answers GoneException, and is dropped.
    connected.add("gone0000000000A=");
    await ana.send(JSON.stringify({ action: "sendMessage", text: "still here?" }));
    expect(ana.messages).toEqual(["hello", "still here?"]);
    expect(bo.messages).toEqual(["hello"]);
    expect([...connected]).toEqual([ana.connectionId]);
    expect(posted).toEqual([ana.connectionId, bo.connectionId, ana.connectionId]);
  });

  it("gives $connect, message and $disconnect events field by field", async () => {
    const chat = await givenChat({ $connect: () => ({ statusCode: 200 }), $disconnect: () => ({ statusCode: 200 }), $default: () => ({ statusCode: 200 }) });
    await chat.sb.clock.advance(1_000);
    const client = await chat.sb.apigateway.connect(`${chat.wss}?room=blue`, { headers: { Authorization: "Bearer t", "User-Agent": "tests" }, query: { user: "ana" } });
    const connectedAt = chat.sb.clock.now();
    const host = `${chat.apiId}.execute-api.us-east-1.amazonaws.com`;
    const common = {
      extendedRequestId: expect.stringMatching(/=$/),
      messageDirection: "IN",
      stage: "prod",
      connectedAt,
      identity: { sourceIp: "203.0.113.10", userAgent: "tests" },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      domainName: host,
      connectionId: client.connectionId,
      apiId: chat.apiId,
    };
    const [connect] = chat.events.$connect!;
    const forwarded = {
      Host: host,
      "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
      "Sec-WebSocket-Key": expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      "Sec-WebSocket-Version": "13",
      Authorization: "Bearer t",
      "User-Agent": "tests",
      "X-Amzn-Trace-Id": expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
      "X-Forwarded-For": "203.0.113.10",
      "X-Forwarded-Port": "443",
      "X-Forwarded-Proto": "https",
    };
    expect(connect).toEqual({
      headers: forwarded,
      multiValueHeaders: Object.fromEntries(Object.entries(forwarded).map(([name, value]) => [name, [value]])),
      queryStringParameters: { room: "blue", user: "ana" },
      multiValueQueryStringParameters: { room: ["blue"], user: ["ana"] },
      requestContext: { ...common, routeKey: "$connect", eventType: "CONNECT", requestTime: expect.stringMatching(/^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000$/), requestTimeEpoch: connectedAt },
      isBase64Encoded: false,
    });
    await chat.sb.clock.advance(5_000);
    await client.send("not json");
    const [message] = chat.events.$default!;
    expect(message).toEqual({
      requestContext: { ...common, routeKey: "$default", messageId: expect.stringMatching(/=$/), eventType: "MESSAGE", requestTime: expect.any(String), requestTimeEpoch: connectedAt + 5_000 },
      body: "not json",
      isBase64Encoded: false,
    });
    await client.close(4000, "bye");
    const [disconnect] = chat.events.$disconnect!;
    expect(disconnect).toMatchObject({
      headers: { Host: host, Authorization: "Bearer t" },
      requestContext: { ...common, routeKey: "$disconnect", eventType: "DISCONNECT", disconnectStatusCode: 4000, disconnectReason: "bye" },
      isBase64Encoded: false,
    });
    expect(disconnect).not.toHaveProperty("body");
    expect(disconnect).not.toHaveProperty("queryStringParameters");
  });

  it("picks routes with the route selection expression: custom routes, $default for anything else, AWS's error messages", async () => {
    const chat = await givenChat(
      { echo: (event) => ({ statusCode: 200, body: `echo: ${JSON.parse(event.body).text}` }), fail: () => { throw new Error("boom"); } },
      { routeResponse: ["echo"] },
    );
    const client = await chat.sb.apigateway.connect(chat.wss);
    await client.send(JSON.stringify({ action: "echo", text: "hi" }));
    expect(await client.next()).toBe("echo: hi");
    await client.send(JSON.stringify({ action: "fail" }));
    expect(JSON.parse(await client.next())).toEqual({ message: "Internal server error", connectionId: client.connectionId, requestId: expect.any(String) });
    await client.send(JSON.stringify({ action: "dance" }));
    expect(JSON.parse(await client.next())).toEqual({ message: "Forbidden", connectionId: client.connectionId, requestId: expect.any(String) });
    await client.send("plain text");
    expect(JSON.parse(await client.next())).toMatchObject({ message: "Forbidden" });
    expect(chat.events.echo).toHaveLength(1);
  });

  it("refuses a connection when $connect answers non-2xx, fails, or may not be invoked", async () => {
    const picky = await givenChat({ $connect: (event) => ({ statusCode: event.queryStringParameters?.token === "ok" ? 200 : 401 }) });
    const refused = await errorOf(picky.sb.apigateway.connect(picky.wss));
    expect(refused).toBeInstanceOf(WebSocketRefused);
    expect(refused).toMatchObject({ status: 401, message: expect.stringMatching(/^Unexpected server response: 401/) });
    await expect(picky.sb.apigateway.connect(picky.wss, { query: { token: "ok" } })).resolves.toMatchObject({ isOpen: true });

    const broken = await givenChat({ $connect: () => { throw new Error("db down"); } });
    expect(await errorOf(broken.sb.apigateway.connect(broken.wss))).toMatchObject({ status: 502 });
    const unpermitted = await givenChat({ $connect: () => ({ statusCode: 200 }) }, { permission: false });
    expect(await errorOf(unpermitted.sb.apigateway.connect(unpermitted.wss))).toMatchObject({ status: 500 });
    const denied = unpermitted.sb.trace.events.filter((event) => event.service === "lambda" && event.kind === "invoke-denied");
    expect(denied).toHaveLength(1);
    expect(await errorOf(unpermitted.sb.apigateway.connect(`wss://${unpermitted.apiId}.execute-api.us-east-1.amazonaws.com/dev`))).toMatchObject({ status: 403 });
    await expect(unpermitted.sb.apigateway.connect(`https://${unpermitted.apiId}.execute-api.us-east-1.amazonaws.com/prod`)).rejects.toThrow(TypeError);
    expect((await unpermitted.sb.apigateway.fetch(unpermitted.endpoint)).status).toBe(403);
  });

  it("the management API: GetConnection, DeleteConnection, and GoneException for connections that are gone or not yet open", async () => {
    let duringConnect: unknown;
    const chat = await givenChat({
      $connect: async (event) => {
        const client = new management.ApiGatewayManagementApiClient({ endpoint: `https://${event.requestContext.domainName}/prod`, maxAttempts: 1 });
        duringConnect = await errorOf(client.send(new management.PostToConnectionCommand({ ConnectionId: event.requestContext.connectionId, Data: "too early" })));
        return { statusCode: 200 };
      },
      $disconnect: () => ({ statusCode: 200 }),
    });
    const client = await chat.sb.apigateway.connect(chat.wss, { headers: { "User-Agent": "tests" } });
    expect(duringConnect).toBeInstanceOf(management.GoneException);
    const api = new management.ApiGatewayManagementApiClient({ endpoint: chat.endpoint, maxAttempts: 1 });
    const sent = new Set<string>();
    const run = async (operation: string, command: object) => (sent.add(operation), api.send(command as never) as Promise<any>);
    await chat.sb.clock.advance(60_000);
    await run("PostToConnection", new management.PostToConnectionCommand({ ConnectionId: client.connectionId, Data: new TextEncoder().encode("bytes arrive as text") }));
    expect(await client.next()).toBe("bytes arrive as text");
    const described = await run("GetConnection", new management.GetConnectionCommand({ ConnectionId: client.connectionId }));
    expect(described).toMatchObject({ ConnectedAt: new Date(chat.sb.clock.now() - 60_000), LastActiveAt: new Date(chat.sb.clock.now()), Identity: { SourceIp: "203.0.113.10", UserAgent: "tests" } });
    const tooBig = await errorOf(api.send(new management.PostToConnectionCommand({ ConnectionId: client.connectionId, Data: "x".repeat(128 * 1024 + 1) })));
    expect(tooBig).toBeInstanceOf(management.PayloadTooLargeException);
    await run("DeleteConnection", new management.DeleteConnectionCommand({ ConnectionId: client.connectionId }));
    expect(await client.closed).toEqual({ code: 1000, reason: "" });
    expect(chat.events.$disconnect).toHaveLength(1);
    expect([...sent].sort()).toEqual([...apiGatewayManagementOperationNames].sort());
    const gone = await errorOf(api.send(new management.GetConnectionCommand({ ConnectionId: client.connectionId })));
    expect(gone).toBeInstanceOf(management.GoneException);
    expect(gone).toMatchObject({ $metadata: { httpStatusCode: 410 } });
    await expect(client.send("hello?")).rejects.toThrow(/is closed \(code 1000\)/);
    const noEndpoint = await errorOf(new management.ApiGatewayManagementApiClient({ endpoint: "https://example.com/prod", maxAttempts: 1 }).send(new management.GetConnectionCommand({ ConnectionId: "x" })));
    expect(noEndpoint).toBeInstanceOf(management.ForbiddenException);
  });

  it("closes idle connections after 10 minutes and every connection after 2 hours, on the virtual clock", async () => {
    const chat = await givenChat({ $default: () => ({ statusCode: 200 }), $disconnect: () => ({ statusCode: 200 }) });
    const idle = await chat.sb.apigateway.connect(chat.wss);
    const chatty = await chat.sb.apigateway.connect(chat.wss);
    for (let minute = 1; minute <= 125; minute++) {
      await chat.sb.clock.advance(60_000);
      if (minute % 9 === 0 && chatty.isOpen) await chatty.send("ping");
      if (minute === 9) expect(idle.isOpen, "open after 9 idle minutes").toBe(true);
      if (minute === 10) expect(await idle.closed).toEqual({ code: 1001, reason: "Going away" });
      if (minute === 119) expect(chatty.isOpen, "open while active, before 2 hours").toBe(true);
    }
    expect(await chatty.closed).toEqual({ code: 1001, reason: "Going away" });
    expect(chat.events.$disconnect!.map((event) => event.requestContext.disconnectStatusCode)).toEqual([1001, 1001]);
  });

  it("next() waits on the virtual clock: it rejects when the idle timeout ends a connection with nothing to read", async () => {
    const chat = await givenChat({ $default: () => ({ statusCode: 200 }) });
    const client = await chat.sb.apigateway.connect(chat.wss);
    const start = chat.sb.clock.now();
    await expect(client.next()).rejects.toThrow(/ended \(code 1001, Going away\) before another message arrived/);
    expect(chat.sb.clock.now() - start).toBe(10 * 60_000);
  });

  it("takes frames of up to 32 KB: a larger frame closes the connection with code 1009, counted in UTF-8 bytes", async () => {
    const chat = await givenChat({ $default: () => ({ statusCode: 200 }), $disconnect: () => ({ statusCode: 200 }) });
    const client = await chat.sb.apigateway.connect(chat.wss);
    await client.send("x".repeat(32 * 1024));
    expect(client.isOpen).toBe(true);
    await client.send("x".repeat(32 * 1024 + 1));
    expect(await client.closed).toEqual({ code: 1009, reason: "Message too big" });
    expect(chat.events.$default!.map((event) => event.body.length)).toEqual([32 * 1024]);
    expect(chat.events.$disconnect![0].requestContext).toMatchObject({ disconnectStatusCode: 1009 });
    // 11,000 euro signs are 11,000 characters but 33,000 bytes: over the limit.
    const euros = await chat.sb.apigateway.connect(chat.wss);
    await euros.send("\u20ac".repeat(11_000));
    expect(await euros.closed).toMatchObject({ code: 1009 });
    expect(chat.events.$default).toHaveLength(1);
  });

  it("reassembles a message sent in fragments ({ fin: false }) up to 128 KB, and closes with 1009 past it", async () => {
    const chat = await givenChat({ $default: () => ({ statusCode: 200 }) });
    const client = await chat.sb.apigateway.connect(chat.wss);
    const message = JSON.stringify({ action: "upload", data: "y".repeat(128 * 1024 - 30) });
    const parts = message.match(/[^]{1,32768}/g)!;
    expect(parts).toHaveLength(4);
    for (const [index, part] of parts.entries()) await client.send(part, { fin: index === parts.length - 1 });
    expect(chat.events.$default!.map((event) => event.body)).toEqual([message]);
    const [arrived] = chat.sb.trace.events.filter((event) => event.kind === "message");
    expect(arrived?.details).toMatchObject({ direction: "in", bytes: message.length, frames: 4 });
    for (let i = 0; i < 4; i++) await client.send("z".repeat(32 * 1024), { fin: false });
    expect(client.isOpen, "128 KB of fragments is still one allowed message").toBe(true);
    await client.send("z");
    expect(await client.closed).toEqual({ code: 1009, reason: "Message too big" });
    expect(chat.events.$default).toHaveLength(1);
    await expect(client.send("late")).rejects.toThrow(/is closed \(code 1009\)/);
    const typo = await chat.sb.apigateway.connect(chat.wss);
    await expect(typo.send("x", { fin: "no" as never })).rejects.toThrow(TypeError);
  });

  it("PostToConnection sends up to 128 KB, which API Gateway frames in 32 KB pieces and the client receives whole", async () => {
    let endpoint = "";
    const chat = await givenChat({ $connect: (event) => ((endpoint = `https://${event.requestContext.domainName}/${event.requestContext.stage}`), { statusCode: 200 }) });
    const client = await chat.sb.apigateway.connect(chat.wss);
    const api = new management.ApiGatewayManagementApiClient({ endpoint, maxAttempts: 1 });
    const big = "p".repeat(100 * 1024);
    await api.send(new management.PostToConnectionCommand({ ConnectionId: client.connectionId, Data: big }));
    expect(await client.next()).toBe(big);
    const sent = chat.sb.trace.events.filter((event) => event.kind === "message").map((event) => event.details);
    expect(sent).toEqual([{ connectionId: client.connectionId, direction: "out", route: null, bytes: 100 * 1024, frames: 4 }]);
    const tooBig = await errorOf(api.send(new management.PostToConnectionCommand({ ConnectionId: client.connectionId, Data: "p".repeat(128 * 1024 + 1) })));
    expect(tooBig).toBeInstanceOf(management.PayloadTooLargeException);
    expect(tooBig).toMatchObject({ $metadata: { httpStatusCode: 413 } });
    expect(client.messages).toEqual([big]);
  });

  it("validates WebSocket APIs, routes and integrations with AWS's exceptions", async () => {
    const { apigw, apiId } = await givenChat({});
    const noExpression = await errorOf(apigw.send(new v2.CreateApiCommand({ Name: "chat", ProtocolType: "WEBSOCKET" })));
    expect(noExpression).toBeInstanceOf(v2.BadRequestException);
    expect(noExpression.message).toBe("RouteSelectionExpression is required for WEBSOCKET APIs");
    const httpKey = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /orders" })));
    expect(httpKey).toBeInstanceOf(v2.BadRequestException);
    const authorized = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: apiId, RouteKey: "sendMessage", AuthorizationType: "CUSTOM", AuthorizerId: "abc" })));
    expect(authorized.message).toBe("Authorization is only supported on the $connect route of a WebSocket API");
    const v2Payload = await errorOf(apigw.send(new v2.CreateIntegrationCommand({ ApiId: apiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn("x"), PayloadFormatVersion: "2.0" })));
    expect(v2Payload.message).toBe("PayloadFormatVersion 1.0 is the only format of WebSocket APIs");
    const slow = await errorOf(apigw.send(new v2.CreateIntegrationCommand({ ApiId: apiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn("x"), TimeoutInMillis: 30_000 })));
    expect(slow.message).toBe("Timeout must be between 50 ms and 29000 ms");
    const { Items } = await apigw.send(new v2.GetApisCommand({}));
    expect(Items).toEqual([expect.objectContaining({ ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action", ApiEndpoint: `wss://${apiId}.execute-api.us-east-1.amazonaws.com` })]);
  });
  it("has AWS's WebSocket metrics per API and stage: ConnectCount, MessageCount, IntegrationError, ClientError, ExecutionError, IntegrationLatency", async () => {
    let sb: Sandbox | undefined;
    const chat = await givenChat(
      {
        $connect: (event) => ({ statusCode: event.queryStringParameters?.deny === "yes" ? 403 : 200 }),
        sendMessage: async () => (await sb!.clock.sleep(300), { statusCode: 200, body: "sent" }),
        boom: () => {
          throw new Error("boom");
        },
      },
      { routeResponse: ["sendMessage"] },
    );
    sb = chat.sb;
    const ana = await chat.sb.apigateway.connect(chat.wss);
    await expect(chat.sb.apigateway.connect(chat.wss, { query: { deny: "yes" } })).rejects.toThrow(WebSocketRefused);
    await expect(chat.sb.apigateway.connect(`wss://${chat.apiId}.execute-api.us-east-1.amazonaws.com/nostage`)).rejects.toThrow(WebSocketRefused);
    await ana.send(JSON.stringify({ action: "sendMessage" }));
    expect(await ana.next()).toBe("sent");
    await ana.send(JSON.stringify({ action: "boom" }));
    expect(JSON.parse(await ana.next())).toMatchObject({ message: "Internal server error" });
    await ana.send("not json, and no $default route");
    expect(JSON.parse(await ana.next())).toMatchObject({ message: "Forbidden" });

    const prod = chat.sb.apigateway.metrics(chat.apiId, { stage: "prod" });
    // Three messages in, three answers out; the $connect that answered 403 is an IntegrationError, the throwing
    // function an ExecutionError, the message no route takes a ClientError.
    expect(prod).toMatchObject({ protocol: "WEBSOCKET", ConnectCount: 2, MessageCount: 6, IntegrationError: 1, ExecutionError: 1, ClientError: 1 });
    expect(prod).toMatchObject({ IntegrationLatency: { SampleCount: 4, Maximum: 300, Minimum: 0 } });
    // The upgrade request to a stage that does not exist counts for the API, not for any stage.
    expect(chat.sb.apigateway.metrics(chat.apiId)).toMatchObject({ ClientError: 2, MessageCount: 6 });
    expect(chat.sb.apigateway.metrics(chat.apiId, { stage: "prod" }).datapoints).toHaveLength(1);
  });
});
