import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from "aws-lambda";
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import { members } from "./members";

/** $connect also carries the upgrade request's query string. */
export type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string> };

/** Route $connect: wss://…/prod?name=ada joins as "ada"; no name, no connection (400). */
export async function onConnect(event: ConnectEvent): Promise<APIGatewayProxyResultV2> {
  // TODO 1: refuse a connection without a name; store the member.
  return { statusCode: 200 };
}

/** Route $disconnect: the member has left. */
export async function onDisconnect(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  // TODO 2
  return { statusCode: 200 };
}

/**
 * Route sendMessage, for messages like {"action":"sendMessage","text":"hi"}: sends
 * {"from":"<sender's name>","text":"hi"} to every other member. Members that are gone
 * (GoneException) are removed.
 */
export async function onSendMessage(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  // TODO 3: PostToConnection through the stage's management endpoint.
  return { statusCode: 200 };
}
