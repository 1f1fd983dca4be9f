/**
 * The Lambda proxy event of REST APIs and of HTTP APIs with payload format 1.0
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format,
 * AWS-FACTS C.5 item 20): `headers` keeps the last value of each header and `multiValueHeaders` all of them, names
 * as sent; the query string likewise; `pathParameters` and `stageVariables` are null when empty. The shape is
 * @types/aws-lambda's APIGatewayProxyEvent; HTTP APIs add `version: "1.0"` and `routeKey`.
 */
import type { GatewayRequest } from "./gateway-request.ts";
import { domainPrefixOf, forwardedHeaders, queryPairs, requestTimeText, type RequestFacts } from "./request-context.ts";

export interface V1Target {
  /** REST: the resource path ("/orders/{id}"); HTTP 1.0: the route's path, or "$default". */
  readonly resourcePath: string;
  readonly resourceId: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** HTTP APIs (payload 1.0): the route key. */
  readonly routeKey?: string;
}

/** Header or query pairs as the single-value map (last value wins) and the multi-value map; null when there are none. */
export function singleAndMulti(pairs: readonly (readonly [string, string])[]): { single: Record<string, string>; multi: Record<string, string[]> } | null {
  if (pairs.length === 0) return null;
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { single, multi };
}

function orNull(record: Readonly<Record<string, string>>): Record<string, string> | null {
  return Object.keys(record).length === 0 ? null : { ...record };
}

export function proxyEventV1(request: GatewayRequest, facts: RequestFacts, target: V1Target): Record<string, unknown> {
  const headers = singleAndMulti(forwardedHeaders(request, facts));
  const query = singleAndMulti(queryPairs(request.url));
  const userAgent = request.headers.find(([name]) => name.toLowerCase() === "user-agent")?.[1] ?? null;
  return {
    ...(target.routeKey === undefined ? {} : { version: "1.0" }),
    resource: target.resourcePath,
    path: facts.path,
    httpMethod: request.method,
    headers: headers?.single ?? null,
    multiValueHeaders: headers?.multi ?? null,
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    requestContext: {
      accountId: facts.accountId,
      apiId: facts.apiId,
      ...(target.routeKey === undefined ? {} : { routeKey: target.routeKey }),
      ...(facts.authorizer === undefined ? {} : { authorizer: { ...facts.authorizer } }),
      ...(facts.jwt === undefined ? {} : { authorizer: { claims: { ...facts.jwt.claims }, scopes: facts.jwt.scopes === null ? null : [...facts.jwt.scopes] } }),
      domainName: facts.domainName,
      domainPrefix: domainPrefixOf(facts.domainName),
      extendedRequestId: facts.extendedRequestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: facts.apiKey?.value ?? null,
        apiKeyId: facts.apiKey?.id ?? null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent,
        userArn: null,
      },
      path: facts.fullPath,
      protocol: "HTTP/1.1",
      requestId: facts.requestId,
      requestTime: requestTimeText(facts.timeEpoch),
      requestTimeEpoch: facts.timeEpoch,
      resourceId: target.resourceId,
      resourcePath: target.resourcePath,
      stage: facts.stage,
    },
    pathParameters: orNull(target.pathParameters),
    stageVariables: orNull(facts.stageVariables),
    body: request.body,
    isBase64Encoded: request.isBase64Encoded,
  };
}
