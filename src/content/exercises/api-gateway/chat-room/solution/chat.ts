import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from "aws-lambda";
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";
import { members } from "./members";

export type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string> };

export async function onConnect(event: ConnectEvent): Promise<APIGatewayProxyResultV2> {
  const name = event.queryStringParameters?.name?.trim();
  // A non-2xx answer from $connect refuses the connection.
  if (!name) return { statusCode: 400, body: "join with ?name=" };
  members.put({ connectionId: event.requestContext.connectionId, name });
  return { statusCode: 200 };
}

export async function onDisconnect(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  members.delete(event.requestContext.connectionId);
  return { statusCode: 200 };
}

export async function onSendMessage(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  const { domainName, stage, connectionId } = event.requestContext;
  const { text } = JSON.parse(event.body ?? "{}") as { text?: string };
  const from = members.get(connectionId)?.name ?? "someone";
  // The @connections API of this API and stage.
  const management = new ApiGatewayManagementApiClient({ endpoint: `https://${domainName}/${stage}` });
  const data = JSON.stringify({ from, text });
  for (const member of members.all()) {
    if (member.connectionId === connectionId) continue;
    try {
      await management.send(new PostToConnectionCommand({ ConnectionId: member.connectionId, Data: data }));
    } catch (error) {
      // Gone without a $disconnect (yet): forget it, and go on with the others.
      if (error instanceof GoneException) members.delete(member.connectionId);
      else throw error;
    }
  }
  return { statusCode: 200 };
}
