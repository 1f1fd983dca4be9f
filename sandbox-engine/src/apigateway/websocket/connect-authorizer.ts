/**
 * The Lambda REQUEST authorizer of a WebSocket API's `$connect` route
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html): it runs
 * before `$connect`'s integration, once per connection. A missing identity source refuses the upgrade with 401
 * without calling the function; the function gets the `$connect` request (headers, query string, stage variables,
 * requestContext with eventType CONNECT and the connection id) plus `type: "REQUEST"` and `methodArn`
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect`, and answers an IAM policy. Allow lets
 * `$connect` run and its `context` becomes `requestContext.authorizer` of every event of the connection
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html);
 * a deny refuses with 403, "Unauthorized" with 401, any other failure with 500, the statuses of the gateway
 * responses REST and HTTP APIs give.
 */
import { executeApiArn, type ApiGatewayContext } from "../apigateway-context.ts";
import type { HttpApi, HttpRoute, HttpStage } from "../apigateway-types.ts";
import { gatewayResponse } from "../requests/gateway-responses.ts";
import { allowedContext, authorize } from "../requests/lambda-authorizer.ts";
import type { WebSocketConnection } from "./websocket-connection.ts";
import { webSocketEvent } from "./websocket-event.ts";

const UPGRADE_HEADERS: readonly (readonly [string, string])[] = [
  ["Connection", "upgrade"],
  ["content-length", "0"],
  ["Upgrade", "websocket"],
];

/** Why the upgrade request is refused, as the client sees it. */
export interface Refusal {
  readonly status: number;
  readonly reason: string;
}

/** Runs `route`'s authorizer for a connecting client; undefined when it may connect (or the route has none). */
export async function authorizeConnection(
  context: ApiGatewayContext,
  target: { readonly api: HttpApi; readonly stage: HttpStage },
  connection: WebSocketConnection,
  route: HttpRoute,
  url: URL,
  cause: number,
): Promise<Refusal | undefined> {
  const authorizer = route.authorizerId === undefined ? undefined : target.api.authorizers.get(route.authorizerId);
  if (authorizer?.type !== "WEBSOCKET_REQUEST") return undefined;
  const request = { method: "GET", url, headers: connection.headers, body: null, isBase64Encoded: false, sourceIp: connection.sourceIp };
  const verdict = await authorize(context, request, {
    authorizer,
    apiId: target.api.id,
    methodArn: executeApiArn(context, target.api.id, target.stage.stageName, "$connect", ""),
    stageVariables: target.stage.variables,
    // The authorizer's input, as the page shows it, has the upgrade request's Connection, content-length and Upgrade
    // headers too (the $connect integration's event does not), and `stageVariables: {}` when there are none.
    requestEvent: () => ({
      stageVariables: {},
      ...webSocketEvent({ ...connection, headers: [...UPGRADE_HEADERS, ...connection.headers] }, { eventType: "CONNECT" }, { requestId: context.requestIds.uuid(), extendedRequestId: `${context.requestIds.hex(14)}=`, timeEpoch: context.clock.now() }),
    }),
    cause,
  });
  context.trace.record("apigateway", "authorize", target.api.id, { authorizer: authorizer.name, result: verdict.kind === "allow" ? "allow" : verdict.response, cached: false }, cause);
  if (verdict.kind === "refuse") return { status: gatewayResponse("HTTP", verdict.response, "").status, reason: `authorizer ${authorizer.name}: ${verdict.reason}` };
  connection.authorizer = allowedContext(verdict.output);
  return undefined;
}
