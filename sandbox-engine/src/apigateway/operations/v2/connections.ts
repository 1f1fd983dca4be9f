/**
 * The @connections management API of WebSocket APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html):
 * PostToConnection sends a message to a connected client, GetConnection describes the connection, DeleteConnection
 * disconnects it. A connection that is closed, still running `$connect`, or of another API is gone: 410
 * GoneException ("The connection with the provided id no longer exists", the API reference's text). Messages are
 * at most 128 KB (PayloadTooLargeException, 413).
 */
import { fail, ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import { gone, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { WEBSOCKET_MAX_MESSAGE_BYTES } from "../../apigateway-limits.ts";
import { CLOSE, type WebSocketConnection } from "../../websocket/websocket-connection.ts";
import { endConnection, sendToClient, targetOfConnection } from "../../websocket/websocket-gateway.ts";

export interface ConnectionSummary {
  ConnectedAt: Date;
  Identity: { SourceIp: string; UserAgent?: string };
  LastActiveAt: Date;
}

const GONE_TEXT = "The connection with the provided id no longer exists.";

/** The open connection `ConnectionId` of API `ApiId` (the endpoint's API). */
function openConnection(context: ApiGatewayContext, params: Record<string, unknown>): ApiGatewayOutcome<WebSocketConnection> {
  const connection = typeof params.ConnectionId === "string" ? context.connections.get(params.ConnectionId) : undefined;
  if (connection === undefined || connection.state !== "open" || connection.apiId !== params.ApiId) return gone(GONE_TEXT);
  return ok(connection);
}

const decoder = new TextDecoder();

export function postToConnection(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<Record<string, never>> {
  const params = asParams(input);
  const data = params.Data;
  if (!(data instanceof Uint8Array) && typeof data !== "string") return fail("BadRequestException", "Data is required: the message to send (a string or bytes)");
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  if (bytes.length > WEBSOCKET_MAX_MESSAGE_BYTES) {
    return fail("PayloadTooLargeException", `Message too big: ${bytes.length} bytes; a WebSocket message is at most ${WEBSOCKET_MAX_MESSAGE_BYTES} bytes`, { httpStatusCode: 413 });
  }
  const connection = openConnection(context, params);
  if (!connection.ok) return connection;
  connection.value.lastActiveAt = context.clock.now();
  sendToClient(context, connection.value, decoder.decode(bytes));
  return ok({});
}

export function getConnection(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<ConnectionSummary> {
  const connection = openConnection(context, asParams(input));
  if (!connection.ok) return connection;
  const { connectedAt, lastActiveAt, sourceIp, userAgent } = connection.value;
  return ok({
    ConnectedAt: new Date(connectedAt),
    Identity: { SourceIp: sourceIp, ...(userAgent === null ? {} : { UserAgent: userAgent }) },
    LastActiveAt: new Date(lastActiveAt),
  });
}

export function deleteConnection(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<Record<string, never>> {
  const connection = openConnection(context, asParams(input));
  if (!connection.ok) return connection;
  const target = targetOfConnection(context, connection.value);
  if (target !== undefined) void endConnection(context, target, connection.value, CLOSE.normal, "server");
  return ok({});
}
