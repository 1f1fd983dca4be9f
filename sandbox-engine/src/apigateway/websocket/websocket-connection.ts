/**
 * A client's connection to a WebSocket API, as API Gateway keeps it: its id, its stage, when it connected and was
 * last active, and its two timers (idle 10 minutes, at most 2 hours;
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html).
 * "connecting" while $connect runs: "Until execution of the integration associated with the $connect route is
 * completed, the upgrade request is pending and the actual connection will not be established"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html),
 * so a PostToConnection then answers GoneException, as on AWS.
 */

/** Why a connection ended: a WebSocket close code and reason (RFC 6455 section 7.4). */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

/** The client end, as the gateway drives it. */
export interface ClientEnd {
  /** A message from the server (PostToConnection, a route response, an error message). */
  receive(message: string): void;
  /** The connection ended (either side); called once. */
  ended(close: CloseReason): void;
}

export interface WebSocketConnection {
  readonly id: string;
  readonly apiId: string;
  readonly stageName: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly domainName: string;
  readonly connectedAt: number;
  lastActiveAt: number;
  state: "connecting" | "open" | "closed";
  readonly sourceIp: string;
  readonly userAgent: string | null;
  /** The request headers of the upgrade request (they reach $connect and $disconnect). */
  readonly headers: readonly (readonly [string, string])[];
  /** The query string of the upgrade request (it reaches $connect). */
  readonly query: readonly (readonly [string, string])[];
  /** What a $connect authorizer allowed (requestContext.authorizer of every later event). */
  authorizer: Readonly<Record<string, string | number | boolean>> | undefined;
  /** The frames of a message still arriving (sent with `fin: false`), and their size so far. */
  pending: { readonly frames: string[]; bytes: number } | undefined;
  readonly client: ClientEnd;
  idleTimer: number | undefined;
  durationTimer: number | undefined;
}

/** Close codes the gateway uses. */
export const CLOSE = {
  normal: { code: 1000, reason: "" },
  /** Idle timeout and maximum duration: the endpoint is going away. */
  goingAway: { code: 1001, reason: "Going away" },
  /** A frame over 32 KB or a message over 128 KB (the quotas page: "the connection is closed with code 1009"). */
  tooBig: { code: 1009, reason: "Message too big" },
} as const satisfies Record<string, CloseReason>;
