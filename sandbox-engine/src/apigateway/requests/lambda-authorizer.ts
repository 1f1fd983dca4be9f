/**
 * Running a REST Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html,
 * api-gateway-lambda-authorizer-input.html, api-gateway-lambda-authorizer-output.html; AWS-FACTS C.5 item 29):
 * missing identity sources answer 401 without calling it; otherwise the function gets the TOKEN event
 * (`authorizationToken`, `methodArn`) or the REQUEST event (the request's parts), through the router as
 * apigateway.amazonaws.com with the authorizer's ARN as aws:SourceArn, and must answer `{ principalId,
 * policyDocument, context? }`. The policy is evaluated for `execute-api:Invoke` on the request's method ARN (the
 * actual path, so a cached policy naming one path does not cover another). Results are cached per identity
 * source values for the TTL (the call itself: authorizer-function.ts). WebSocket APIs run the same REQUEST
 * authorizer on `$connect`, with their own identity source names (`route.request.header.X`) and method ARN
 * `.../{stage}/$connect` (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html).
 */
import { evaluatePolicy, parsePolicy } from "../../iam/index.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { AuthorizerOutput, RestAuthorizer, WebSocketAuthorizer } from "../apigateway-types.ts";
import { parseIdentitySources, runAuthorizer, type AuthorizerRefusal, type AuthorizerRequest } from "./authorizer-function.ts";
import type { GatewayRequest } from "./gateway-request.ts";

export type AuthorizerVerdict = { readonly kind: "allow"; readonly output: AuthorizerOutput; readonly cached: boolean } | AuthorizerRefusal;

export interface AuthorizerCall extends AuthorizerRequest {
  readonly authorizer: RestAuthorizer | WebSocketAuthorizer;
  readonly methodArn: string;
}

const REST_SOURCES = { header: "method.request.header.", query: "method.request.querystring.", stageVariable: "stageVariables." };
const WEBSOCKET_SOURCES = { header: "route.request.header.", query: "route.request.querystring.", stageVariable: "stageVariables." };

/** What an allowing authorizer puts in the integration's `requestContext.authorizer`: its context, principalId, integrationLatency. */
export function allowedContext(output: AuthorizerOutput): Record<string, string | number | boolean> {
  return { ...output.context, principalId: output.principalId, integrationLatency: 0 };
}

function readOutput(output: unknown): AuthorizerOutput | string {
  if (typeof output !== "object" || output === null) return "the authorizer's output is not an object";
  const { principalId, policyDocument, context = {}, usageIdentifierKey } = output as Record<string, unknown>;
  if (typeof principalId !== "string") return "the authorizer's output has no principalId string";
  if (typeof policyDocument !== "object" || policyDocument === null) return "the authorizer's output has no policyDocument";
  if (typeof context !== "object" || context === null || !Object.values(context).every((value) => ["string", "number", "boolean"].includes(typeof value))) {
    return "the authorizer's context values must be strings, numbers or booleans (no objects or arrays)";
  }
  return { principalId, policyDocument, context: context as Record<string, string | number | boolean>, ...(typeof usageIdentifierKey === "string" ? { usageIdentifierKey } : {}) };
}

/** Allow, explicit deny or implicit deny of execute-api:Invoke on `methodArn` by the returned policy (an identity policy: no Principal). */
export function decide(output: Pick<AuthorizerOutput, "policyDocument">, methodArn: string): "allow" | "explicit-deny" | "implicit-deny" {
  const document = output.policyDocument as { Statement?: unknown };
  const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement === undefined ? [] : [document.Statement];
  const parsed = parsePolicy({ ...document, Statement: statements.map((statement: unknown) => ({ ...(statement as object), Principal: "*" })) });
  if (!parsed.ok) return "implicit-deny";
  return evaluatePolicy(parsed.policy, { caller: { type: "Service", service: "execute-api" }, action: "execute-api:Invoke", resource: methodArn }).decision;
}

function verdictOf(output: AuthorizerOutput, methodArn: string, cached: boolean): AuthorizerVerdict {
  const decision = decide(output, methodArn);
  if (decision === "allow") return { kind: "allow", output, cached };
  return decision === "explicit-deny"
    ? { kind: "refuse", response: "EXPLICIT_DENY", reason: `authorizer policy for ${output.principalId} denies execute-api:Invoke on ${methodArn}` }
    : { kind: "refuse", response: "ACCESS_DENIED", reason: `authorizer policy for ${output.principalId} does not allow execute-api:Invoke on ${methodArn}` };
}

export async function authorize(context: ApiGatewayContext, request: GatewayRequest, call: AuthorizerCall): Promise<AuthorizerVerdict> {
  const { authorizer, methodArn } = call;
  return runAuthorizer(context, request, { ...call, arn: methodArn }, authorizer, {
    sources: parseIdentitySources(authorizer.identitySources, authorizer.type === "WEBSOCKET_REQUEST" ? WEBSOCKET_SOURCES : REST_SOURCES),
    event: (identity) =>
      authorizer.type === "TOKEN"
        ? { type: "TOKEN", authorizationToken: identity[0], methodArn }
        : (({ body: _body, isBase64Encoded: _encoded, ...parts }) => ({ type: "REQUEST", methodArn, ...parts }))(call.requestEvent()),
    read: readOutput,
    judge: (output, cached) => verdictOf(output, methodArn, cached),
  });
}
