/**
 * What a WebSocket API bills (https://aws.amazon.com/api-gateway/pricing/): messages sent and received, metered in
 * 32 KB increments (a 33 KB message counts as two), and connection minutes. Decision: a connection's time is rounded
 * up to a whole minute, per connection (the pricing page names the unit, not the rounding); a refused upgrade
 * request opens no connection and bills nothing.
 */
import type { ApiGatewayContext, WebSocketUsage } from "../apigateway-context.ts";
import { WEBSOCKET_MAX_FRAME_BYTES } from "../apigateway-limits.ts";

/** The 32 KB frames a message of `bytes` takes (at least one): also how many messages it bills as. */
export function frameCount(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WEBSOCKET_MAX_FRAME_BYTES));
}

/** The billed minutes of a connection open from `connectedAt` until `now`. */
export function connectionMinutes(connectedAt: number, now: number): number {
  return Math.max(1, Math.ceil((now - connectedAt) / 60_000));
}

function usageOf(context: ApiGatewayContext, apiId: string): WebSocketUsage {
  const usage = context.webSocketUsage.get(apiId) ?? { messages: 0, connectionMinutes: 0 };
  context.webSocketUsage.set(apiId, usage);
  return usage;
}

/** A message in either direction. */
export function meterMessage(context: ApiGatewayContext, apiId: string, bytes: number): void {
  usageOf(context, apiId).messages += frameCount(bytes);
}

/** A connection that was open has ended. */
export function meterEndedConnection(context: ApiGatewayContext, apiId: string, connectedAt: number): void {
  usageOf(context, apiId).connectionMinutes += connectionMinutes(connectedAt, context.clock.now());
}

/** The usage so far by API: ended connections, plus the minutes of the ones still open until now. */
export function webSocketUsageNow(context: ApiGatewayContext): Map<string, WebSocketUsage> {
  const usage = new Map([...context.webSocketUsage].map(([apiId, { messages, connectionMinutes: minutes }]) => [apiId, { messages, connectionMinutes: minutes }]));
  for (const connection of context.connections.values()) {
    if (connection.state !== "open") continue;
    const line = usage.get(connection.apiId) ?? { messages: 0, connectionMinutes: 0 };
    line.connectionMinutes += connectionMinutes(connection.connectedAt, context.clock.now());
    usage.set(connection.apiId, line);
  }
  return usage;
}
