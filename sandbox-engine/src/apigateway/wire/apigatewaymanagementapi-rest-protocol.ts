/**
 * The @connections management API of WebSocket APIs (@aws-sdk/client-apigatewaymanagementapi) over REST-JSON. As on
 * AWS, the client's `endpoint` is the stage's https URL (`https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`),
 * so requests arrive as `{METHOD} /{stage}/@connections/{ConnectionId}` on the API's own host
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html).
 * A request to another host (a client without that endpoint) is refused: 403 ForbiddenException.
 */
import * as management from "@aws-sdk/client-apigatewaymanagementapi";
import type { Outcome } from "../../core/outcome.ts";
import { answerRest, restError, restOperations } from "../../wire/rest-service.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { ApiGatewayV2Operations } from "../apigateway-service.ts";

/** An engine call of `sb.apigateway.v2` for the API whose endpoint was called. */
const on = (call: (service: ApiGatewayV2Operations, input: unknown) => Outcome<object>) => (input: Record<string, unknown>, context: WireContext, request: WireRequest) =>
  call(context.sandbox.apigateway.v2, { ...input, ApiId: apiIdOfHost(request.hostname) });

const operations = restOperations([
  [management.PostToConnection$, on((s, i) => s.postToConnection(i))],
  [management.GetConnection$, on((s, i) => s.getConnection(i))],
  [management.DeleteConnection$, on((s, i) => s.deleteConnection(i))],
]);

export const apiGatewayManagementOperationNames: readonly string[] = operations.map((operation) => operation.name);

function apiIdOfHost(hostname: string): string | undefined {
  return /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.exec(hostname)?.[1];
}

const CONNECTIONS_PATH = /^(?:\/[^/@]+)?(\/@connections\/.*)$/;

export function isApiGatewayManagementRequest(request: WireRequest): boolean {
  return CONNECTIONS_PATH.test(request.path);
}

export function answerApiGatewayManagementRest(request: WireRequest, context: WireContext): Promise<WireResponse> {
  if (apiIdOfHost(request.hostname) === undefined) {
    return Promise.resolve(
      restError(context, {
        code: "ForbiddenException",
        message: `Forbidden: the management API answers at a WebSocket API's stage URL. Create the client with endpoint: "https://{apiId}.execute-api.${context.sandbox.region}.amazonaws.com/{stage}", not ${request.hostname}.`,
        httpStatusCode: 403,
      }),
    );
  }
  // The stage segment of the endpoint precedes the operation's path.
  const belowStage = { ...request, path: CONNECTIONS_PATH.exec(request.path)?.[1] ?? request.path };
  return answerRest(operations, belowStage, context, {
    code: "ForbiddenException",
    message: `The sandbox does not simulate the management operation ${request.method} ${request.path}.`,
    httpStatusCode: 403,
  });
}
