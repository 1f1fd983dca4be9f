/**
 * Running an HTTP API Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html,
 * AWS-FACTS C.5 item 29): a missing identity source answers 401 {"message":"Unauthorized"} without calling it. The
 * function gets the request event of its payload format with `type: "REQUEST"`, `routeArn` (2.0) or `methodArn`
 * (1.0) and `identitySource`; it answers a simple response `{ isAuthorized, context? }` (2.0 with simple responses)
 * or an IAM policy for execute-api:Invoke. Refused: 403 {"message":"Forbidden"}; the function failing with
 * "Unauthorized": 401; failing otherwise: 500. Cached per identity for the TTL (the call: authorizer-function.ts).
 */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { HttpAuthorizer } from "../apigateway-types.ts";
import { parseIdentitySources, runAuthorizer, type AuthorizerRefusal, type AuthorizerRequest } from "./authorizer-function.ts";
import type { GatewayRequest } from "./gateway-request.ts";
import { decide } from "./lambda-authorizer.ts";

export type HttpAuthorizerVerdict = { readonly kind: "allow"; readonly context: Readonly<Record<string, string | number | boolean>>; readonly cached: boolean } | AuthorizerRefusal;

export interface HttpAuthorizerCall extends AuthorizerRequest {
  readonly authorizer: HttpAuthorizer;
  /** arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}. */
  readonly routeArn: string;
}

const HTTP_SOURCES = { header: "$request.header.", query: "$request.querystring.", stageVariable: "$stageVariables." };

type Scalar = string | number | boolean;
const isContext = (value: unknown): value is Record<string, Scalar> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => ["string", "number", "boolean"].includes(typeof item));

function judge(authorizer: HttpAuthorizer, output: unknown, routeArn: string, cached: boolean): HttpAuthorizerVerdict {
  const record = typeof output === "object" && output !== null ? (output as Record<string, unknown>) : {};
  const context = record.context === undefined ? {} : record.context;
  if (!isContext(context)) return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: "the authorizer's context values must be strings, numbers or booleans" };
  if (authorizer.simpleResponses) {
    if (typeof record.isAuthorized !== "boolean") return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: "a simple response needs isAuthorized: true or false" };
    return record.isAuthorized ? { kind: "allow", context, cached } : { kind: "refuse", response: "ACCESS_DENIED", reason: "the authorizer answered isAuthorized: false" };
  }
  if (typeof record.principalId !== "string" || typeof record.policyDocument !== "object" || record.policyDocument === null) {
    return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: "the authorizer's output has no principalId and policyDocument" };
  }
  return decide({ policyDocument: record.policyDocument }, routeArn) === "allow"
    ? { kind: "allow", context: { ...context, principalId: record.principalId }, cached }
    : { kind: "refuse", response: "ACCESS_DENIED", reason: `the authorizer's policy does not allow execute-api:Invoke on ${routeArn}` };
}

export async function authorizeHttp(context: ApiGatewayContext, request: GatewayRequest, call: HttpAuthorizerCall): Promise<HttpAuthorizerVerdict> {
  const { authorizer, routeArn } = call;
  return runAuthorizer(context, request, { ...call, arn: routeArn }, authorizer, {
    sources: parseIdentitySources(authorizer.identitySources, HTTP_SOURCES),
    event: (identity) => {
      const { body: _body, isBase64Encoded: _encoded, ...parts } = call.requestEvent();
      const arnKey = authorizer.payloadFormatVersion === "2.0" ? "routeArn" : "methodArn";
      return { ...parts, type: "REQUEST", [arnKey]: routeArn, identitySource: authorizer.payloadFormatVersion === "2.0" ? identity : identity.join(",") };
    },
    read: (output) => output,
    judge: (output, cached) => judge(authorizer, output, routeArn, cached),
  });
}
