/**
 * The Lambda proxy events of WebSocket APIs, @types/aws-lambda's APIGatewayProxyWebsocketEventV2 plus what $connect
 * and $disconnect carry (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html):
 * `requestContext` with routeKey, eventType CONNECT | MESSAGE | DISCONNECT, messageDirection "IN", connectionId,
 * connectedAt, domainName, stage, apiId, request ids and times, identity.sourceIp; $connect also gets the upgrade
 * request's headers and query string, MESSAGE events `messageId` and `body`, DISCONNECT events
 * `disconnectStatusCode` and `disconnectReason`.
 */
import { singleAndMulti } from "../requests/proxy-event-v1.ts";
import { requestTimeText } from "../requests/request-context.ts";
import type { CloseReason, WebSocketConnection } from "./websocket-connection.ts";

export type WebSocketEventKind =
  | { readonly eventType: "CONNECT" }
  | { readonly eventType: "MESSAGE"; readonly routeKey: string; readonly messageId: string; readonly body: string }
  | { readonly eventType: "DISCONNECT"; readonly close: CloseReason };

export interface EventIds {
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly timeEpoch: number;
}

export function webSocketEvent(connection: WebSocketConnection, kind: WebSocketEventKind, ids: EventIds): Record<string, unknown> {
  const routeKey = kind.eventType === "CONNECT" ? "$connect" : kind.eventType === "DISCONNECT" ? "$disconnect" : kind.routeKey;
  const requestContext: Record<string, unknown> = {
    routeKey,
    ...(kind.eventType === "MESSAGE" ? { messageId: kind.messageId } : {}),
    ...(kind.eventType === "DISCONNECT" ? { disconnectStatusCode: kind.close.code, disconnectReason: kind.close.reason } : {}),
    eventType: kind.eventType,
    extendedRequestId: ids.extendedRequestId,
    requestTime: requestTimeText(ids.timeEpoch),
    messageDirection: "IN",
    stage: connection.stageName,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: ids.timeEpoch,
    identity: { sourceIp: connection.sourceIp, ...(connection.userAgent === null ? {} : { userAgent: connection.userAgent }) },
    requestId: ids.requestId,
    domainName: connection.domainName,
    connectionId: connection.id,
    apiId: connection.apiId,
    ...(connection.authorizer === undefined ? {} : { authorizer: { ...connection.authorizer } }),
  };
  const headers = kind.eventType === "MESSAGE" ? null : singleAndMulti(connection.headers);
  const query = kind.eventType === "CONNECT" ? singleAndMulti(connection.query) : null;
  const stageVariables = Object.keys(connection.stageVariables).length === 0 ? undefined : { ...connection.stageVariables };
  return {
    ...(headers === null ? {} : { headers: headers.single, multiValueHeaders: headers.multi }),
    ...(query === null ? {} : { queryStringParameters: query.single, multiValueQueryStringParameters: query.multi }),
    requestContext,
    ...(kind.eventType === "MESSAGE" ? { body: kind.body } : {}),
    isBase64Encoded: false,
    ...(stageVariables === undefined ? {} : { stageVariables }),
  };
}
