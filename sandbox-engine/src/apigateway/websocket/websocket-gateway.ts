/**
 * WebSocket APIs at work (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-overview.html):
 * an upgrade request to `wss://{apiId}.execute-api.{region}.amazonaws.com/{stage}` runs `$connect` (a non-2xx
 * answer or a failed integration refuses the connection); each message picks its route with the API's route
 * selection expression (`$default` when it selects none, or is not JSON); a route with RouteResponseSelectionExpression
 * `$default` sends the function's answer back; `$disconnect` runs after the connection ended, best effort. A
 * `$connect` route with a Lambda REQUEST authorizer runs it first (connect-authorizer.ts). Functions
 * are called through the router as apigateway.amazonaws.com with aws:SourceArn `.../{apiId}/{stage}/{routeKey}`.
 *
 * Decisions: a `$connect` answer without a statusCode accepts the connection (AWS's examples return
 * `{ statusCode: 200 }`; the pages say only non-2xx refuses); a function error refuses with 502, a missing
 * permission with 500, a timeout with 504 (as the REST proxy answers them). A message that selects no route and
 * finds no `$default`, or whose integration fails, gets AWS's error message on the connection
 * (`{"message": "Forbidden" | "Internal server error", "connectionId", "requestId"}`).
 */
import { executeApiArn, apiHost, type ApiGatewayContext } from "../apigateway-context.ts";
import { WEBSOCKET_IDLE_TIMEOUT_MS, WEBSOCKET_MAX_DURATION_MS, WEBSOCKET_MAX_FRAME_BYTES, WEBSOCKET_MAX_MESSAGE_BYTES } from "../apigateway-limits.ts";
import type { HttpApi, HttpRoute, HttpSnapshot, HttpStage } from "../apigateway-types.ts";
import { servedRoutes } from "../requests/handle-http-request.ts";
import { apiIdOf } from "../requests/execute-api.ts";
import { invokeFunction, type FunctionAnswer } from "../requests/invoke-function.ts";
import { lambdaFunctionOfUri, withStageVariables } from "../requests/lambda-uri.ts";
import { pathSegments } from "../requests/path-template.ts";
import { authorizeConnection, type Refusal } from "./connect-authorizer.ts";
import { selectedRouteKey } from "./route-selection.ts";
import { createInbox, type WebSocketClient } from "./websocket-client.ts";
import { CLOSE, type CloseReason, type WebSocketConnection } from "./websocket-connection.ts";
import { webSocketEvent, type WebSocketEventKind } from "./websocket-event.ts";
import { frameCount, meterEndedConnection, meterMessage } from "./websocket-meter.ts";
import { integrationOutcome, recordWebSocketMetric } from "./websocket-metrics.ts";

export interface ConnectOptions {
  /** Headers of the upgrade request (they reach `$connect` and `$disconnect`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query string parameters, added to the URL's own (they reach `$connect`). */
  readonly query?: Readonly<Record<string, string>>;
}

/** The source address API Gateway reports for sandbox clients (TEST-NET-3, as for sb.apigateway.fetch). */
const CLIENT_IP = "203.0.113.10";
const utf8 = new TextEncoder();

/** A refused upgrade request, as a WebSocket client library reports it ("Unexpected server response: 403"). */
export class WebSocketRefused extends Error {
  readonly status: number;
  constructor(status: number, reason: string) {
    super(`Unexpected server response: ${status} (${reason})`);
    this.name = "WebSocketRefused";
    this.status = status;
  }
}

interface Target {
  readonly api: HttpApi;
  readonly stage: HttpStage;
}

function targetOf(context: ApiGatewayContext, url: URL): Target | string {
  const api = context.apis.get(apiIdOf(context, url) ?? "");
  if (api === undefined || api.kind !== "HTTP" || api.protocolType !== "WEBSOCKET") return `no WebSocket API at ${url.host}`;
  const [stageName, ...rest] = pathSegments(url.pathname);
  const stage = stageName === undefined ? undefined : api.stages.get(stageName);
  if (stage === undefined || rest.length > 0) return `no stage ${url.pathname} of WebSocket API ${api.id}: connect to wss://${url.host}/{stage}`;
  if (servedRoutes(api, stage) === undefined) return `stage ${stage.stageName} of WebSocket API ${api.id} has no deployment yet`;
  return { api, stage };
}

function routeOf(snapshot: HttpSnapshot, routeKey: string): HttpRoute | undefined {
  return snapshot.routes.find((route) => route.routeKey === routeKey);
}

/** Calls the route's integration with a WebSocket event; undefined when the route has none. */
async function callRoute(context: ApiGatewayContext, target: Target, connection: WebSocketConnection, route: HttpRoute, kind: WebSocketEventKind, cause: number): Promise<FunctionAnswer | undefined> {
  const snapshot = servedRoutes(target.api, target.stage);
  const integrationId = route.target?.replace(/^integrations\//, "");
  const integration = integrationId === undefined ? undefined : snapshot?.integrations.get(integrationId);
  if (integration === undefined) return undefined;
  const requestId = context.requestIds.uuid();
  const calledAt = context.clock.now();
  const event = webSocketEvent(connection, kind, { requestId, extendedRequestId: `${context.requestIds.hex(14)}=`, timeEpoch: calledAt });
  const answer = await invokeFunction(context, {
    functionArn: lambdaFunctionOfUri(withStageVariables(integration.functionUri, target.stage.variables)) ?? "",
    event,
    sourceArn: executeApiArn(context, target.api.id, target.stage.stageName, route.routeKey, ""),
    timeoutMs: integration.timeoutMs,
    label: `WebSocket API ${target.api.name} (${target.api.id}) ${route.routeKey}`,
    cause,
  });
  recordWebSocketMetric(context, {
    kind: "integration",
    apiId: target.api.id,
    stage: target.stage.stageName,
    time: calledAt,
    routeKey: route.routeKey,
    outcome: integrationOutcome(answer),
    latencyMs: answer.kind === "reply" ? context.clock.now() - calledAt : undefined,
  });
  return answer;
}

/** What `$connect`'s answer means: undefined accepts, else the status and reason of the refusal. */
function connectVerdict(answer: FunctionAnswer | undefined): Refusal | undefined {
  if (answer === undefined) return undefined;
  if (answer.kind === "timeout") return { status: 504, reason: "the $connect integration timed out" };
  if (answer.kind === "not-invoked") return { status: 500, reason: `Execution failed due to configuration error: ${answer.reason}` };
  if (answer.reply.functionError !== undefined) return { status: 502, reason: `the $connect function failed: ${answer.reply.payload}` };
  let output: unknown;
  try {
    output = JSON.parse(answer.reply.payload);
  } catch {
    return undefined;
  }
  const status = typeof output === "object" && output !== null ? Number((output as { statusCode?: unknown }).statusCode ?? 200) : 200;
  return status >= 200 && status < 300 ? undefined : { status: Number.isInteger(status) ? status : 502, reason: `$connect answered statusCode ${String((output as { statusCode?: unknown }).statusCode)}` };
}

/** Opens a connection to a WebSocket API of this sandbox; rejects with WebSocketRefused when API Gateway refuses it. */
export async function connectWebSocket(context: ApiGatewayContext, input: string | URL, options: ConnectOptions = {}): Promise<WebSocketClient> {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new TypeError(`sb.apigateway.connect needs a wss:// URL, got ${String(input)}`);
  }
  if (url.protocol !== "wss:") throw new TypeError(`sb.apigateway.connect needs a wss:// URL of a WebSocket API stage (wss://{apiId}.execute-api.${context.region}.amazonaws.com/{stage}), got ${url.href}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, value);
  const target = targetOf(context, url);
  const connectionId = btoa(String.fromCharCode(...(context.requestIds.hex(22).match(/../g) ?? []).map((byte) => parseInt(byte, 16))));
  const apiId = typeof target === "string" ? (apiIdOf(context, url) ?? "") : target.api.id;
  if (typeof target === "string") {
    context.trace.record("apigateway", "connect", apiId, { connectionId, stage: "", status: 403, reason: target });
    recordWebSocketMetric(context, { kind: "client-error", apiId, stage: "", time: context.clock.now() });
    throw new WebSocketRefused(403, target);
  }
  const inbox = createInbox(context.clock);
  // The upgrade request as API Gateway forwards it: the WebSocket handshake headers, the caller's, then its own.
  const headers: [string, string][] = [
    ["Host", apiHost(context, target.api.id)],
    ["Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"],
    ["Sec-WebSocket-Key", btoa(String.fromCharCode(...(context.requestIds.hex(32).match(/../g) ?? []).map((byte) => parseInt(byte, 16))))],
    ["Sec-WebSocket-Version", "13"],
    ...Object.entries(options.headers ?? {}),
    ["X-Amzn-Trace-Id", `Root=1-${Math.floor(context.clock.now() / 1000).toString(16)}-${context.requestIds.hex(24)}`],
    ["X-Forwarded-For", CLIENT_IP],
    ["X-Forwarded-Port", "443"],
    ["X-Forwarded-Proto", "https"],
  ];
  const connection: WebSocketConnection = {
    id: connectionId,
    apiId: target.api.id,
    stageName: target.stage.stageName,
    stageVariables: { ...target.stage.variables },
    domainName: apiHost(context, target.api.id),
    connectedAt: context.clock.now(),
    lastActiveAt: context.clock.now(),
    state: "connecting",
    sourceIp: CLIENT_IP,
    userAgent: Object.entries(options.headers ?? {}).find(([name]) => name.toLowerCase() === "user-agent")?.[1] ?? null,
    headers,
    query: [...url.searchParams.entries()],
    authorizer: undefined,
    pending: undefined,
    client: inbox.end,
    idleTimer: undefined,
    durationTimer: undefined,
  };
  context.connections.set(connectionId, connection);
  const seq = context.trace.record("apigateway", "connect", apiId, { connectionId, stage: connection.stageName, status: 0, reason: "$connect running" }).seq;
  const connectRoute = routeOf(servedRoutes(target.api, target.stage)!, "$connect");
  const authorizerRefusal = connectRoute === undefined ? undefined : await authorizeConnection(context, target, connection, connectRoute, url, seq);
  const refusal =
    connectRoute === undefined ? undefined : (authorizerRefusal ?? connectVerdict(await callRoute(context, target, connection, connectRoute, { eventType: "CONNECT" }, seq)));
  if (refusal !== undefined) {
    context.connections.delete(connectionId);
    connection.state = "closed";
    context.trace.record("apigateway", "connect", apiId, { connectionId, stage: connection.stageName, status: refusal.status, reason: refusal.reason }, seq);
    // A ClientError is a 4XX API Gateway answered before calling the $connect integration: the authorizer's.
    if (authorizerRefusal !== undefined && authorizerRefusal.status < 500) recordWebSocketMetric(context, { kind: "client-error", apiId, stage: connection.stageName, time: context.clock.now() });
    throw new WebSocketRefused(refusal.status, refusal.reason);
  }
  connection.state = "open";
  context.trace.record("apigateway", "connect", apiId, { connectionId, stage: connection.stageName, status: 101, reason: null }, seq);
  resetIdleTimer(context, target, connection);
  connection.durationTimer = context.clock.setTimer(() => void endConnection(context, target, connection, CLOSE.goingAway, "max-duration"), WEBSOCKET_MAX_DURATION_MS);
  return inbox.client(connectionId, {
    send: (frame, fin) => receiveFrame(context, target, connection, frame, fin),
    close: (close) => endConnection(context, target, connection, close, "client"),
  });
}

function resetIdleTimer(context: ApiGatewayContext, target: Target, connection: WebSocketConnection): void {
  connection.lastActiveAt = context.clock.now();
  if (connection.idleTimer !== undefined) context.clock.clearTimer(connection.idleTimer);
  connection.idleTimer = context.clock.setTimer(() => void endConnection(context, target, connection, CLOSE.goingAway, "idle-timeout"), WEBSOCKET_IDLE_TIMEOUT_MS);
}

/** A frame from the client: over 32 KB, or taking its message over 128 KB, it closes the connection with 1009. */
async function receiveFrame(context: ApiGatewayContext, target: Target, connection: WebSocketConnection, frame: string, fin: boolean): Promise<void> {
  if (connection.state !== "open") return;
  const frameBytes = utf8.encode(frame).length;
  if (frameBytes > WEBSOCKET_MAX_FRAME_BYTES) {
    await endConnection(context, target, connection, CLOSE.tooBig, "frame-too-big");
    return;
  }
  const pending = connection.pending ?? { frames: [], bytes: 0 };
  pending.frames.push(frame);
  pending.bytes += frameBytes;
  if (pending.bytes > WEBSOCKET_MAX_MESSAGE_BYTES) {
    await endConnection(context, target, connection, CLOSE.tooBig, "message-too-big");
    return;
  }
  resetIdleTimer(context, target, connection);
  connection.pending = fin ? undefined : pending;
  if (fin) await receiveMessage(context, target, connection, pending);
}

/** A whole message from the client (its frames): routed, integrated, perhaps answered. */
async function receiveMessage(context: ApiGatewayContext, target: Target, connection: WebSocketConnection, { frames, bytes }: { readonly frames: readonly string[]; readonly bytes: number }): Promise<void> {
  const message = frames.join("");
  const snapshot = servedRoutes(target.api, target.stage);
  const selected = selectedRouteKey(target.api.routeSelectionExpression, message);
  const custom = selected === undefined || selected.startsWith("$") ? undefined : routeOf(snapshot!, selected);
  const route = custom ?? routeOf(snapshot!, "$default");
  const seq = context.trace.record("apigateway", "message", connection.apiId, { connectionId: connection.id, direction: "in", route: route?.routeKey ?? null, bytes, frames: frames.length }).seq;
  meterMessage(context, connection.apiId, bytes);
  recordWebSocketMetric(context, { kind: "message", apiId: connection.apiId, stage: connection.stageName, time: context.clock.now() });
  const requestId = context.requestIds.uuid();
  if (route === undefined) {
    recordWebSocketMetric(context, { kind: "client-error", apiId: connection.apiId, stage: connection.stageName, time: context.clock.now() });
    sendToClient(context, connection, JSON.stringify({ message: "Forbidden", connectionId: connection.id, requestId }));
    return;
  }
  const answer = await callRoute(context, target, connection, route, { eventType: "MESSAGE", routeKey: route.routeKey, messageId: `${context.requestIds.hex(14)}=`, body: message }, seq);
  if (answer === undefined || connection.state !== "open") return;
  if (answer.kind !== "reply" || answer.reply.functionError !== undefined) {
    sendToClient(context, connection, JSON.stringify({ message: "Internal server error", connectionId: connection.id, requestId }));
    return;
  }
  if (route.routeResponseSelectionExpression === "$default") {
    const reply = routeResponseOf(answer.reply.payload);
    if (reply !== undefined) sendToClient(context, connection, reply);
  }
}

/** The message a route response sends: the proxy answer's `body`, or a returned string. */
function routeResponseOf(payload: string): string | undefined {
  let output: unknown;
  try {
    output = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof output === "string") return output;
  const body = typeof output === "object" && output !== null ? (output as { body?: unknown }).body : undefined;
  return typeof body === "string" ? body : undefined;
}

/**
 * A message to the client (PostToConnection, a route response, an error). API Gateway splits it into frames of at
 * most 32 KB (the trace counts them); the client reassembles them, as WebSocket clients do.
 */
export function sendToClient(context: ApiGatewayContext, connection: WebSocketConnection, message: string): void {
  const bytes = utf8.encode(message).length;
  context.trace.record("apigateway", "message", connection.apiId, { connectionId: connection.id, direction: "out", route: null, bytes, frames: frameCount(bytes) });
  meterMessage(context, connection.apiId, bytes);
  recordWebSocketMetric(context, { kind: "message", apiId: connection.apiId, stage: connection.stageName, time: context.clock.now() });
  connection.client.receive(message);
}

/** Ends a connection (either side) and runs `$disconnect`, best effort, once it has ended. */
export async function endConnection(
  context: ApiGatewayContext,
  target: Target,
  connection: WebSocketConnection,
  close: CloseReason,
  by: "client" | "server" | "idle-timeout" | "max-duration" | "frame-too-big" | "message-too-big",
): Promise<void> {
  if (connection.state === "closed") return;
  const wasOpen = connection.state === "open";
  connection.state = "closed";
  if (connection.idleTimer !== undefined) context.clock.clearTimer(connection.idleTimer);
  if (connection.durationTimer !== undefined) context.clock.clearTimer(connection.durationTimer);
  context.connections.delete(connection.id);
  if (wasOpen) meterEndedConnection(context, connection.apiId, connection.connectedAt);
  connection.client.ended(close);
  const seq = context.trace.record("apigateway", "disconnect", connection.apiId, { connectionId: connection.id, code: close.code, reason: close.reason, by }).seq;
  const snapshot = servedRoutes(target.api, target.stage);
  const route = snapshot === undefined ? undefined : routeOf(snapshot, "$disconnect");
  if (wasOpen && route !== undefined) await callRoute(context, target, connection, route, { eventType: "DISCONNECT", close }, seq);
}

/** The API and stage of an open connection, for the management API. */
export function targetOfConnection(context: ApiGatewayContext, connection: WebSocketConnection): Target | undefined {
  const api = context.apis.get(connection.apiId);
  const stage = api?.kind === "HTTP" ? api.stages.get(connection.stageName) : undefined;
  return api?.kind === "HTTP" && stage !== undefined ? { api, stage } : undefined;
}
