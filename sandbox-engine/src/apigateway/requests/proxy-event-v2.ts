/**
 * The payload format 2.0 event of HTTP APIs
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, AWS-FACTS C.5
 * item 22): header names lowercased, repeated headers and query parameters joined with commas, the Cookie
 * header split into `cookies`; optional members (cookies, queryStringParameters, pathParameters,
 * stageVariables, body) are left out when empty. The shape is @types/aws-lambda's APIGatewayProxyEventV2.
 */
import type { GatewayRequest } from "./gateway-request.ts";
import { domainPrefixOf, forwardedHeaders, queryPairs, requestTimeText, type RequestFacts } from "./request-context.ts";

function joined(pairs: readonly (readonly [string, string])[], lowercase: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of pairs) {
    const name = lowercase ? rawName.toLowerCase() : rawName;
    out[name] = out[name] === undefined ? value : `${out[name]},${value}`;
  }
  return out;
}

export function proxyEventV2(request: GatewayRequest, facts: RequestFacts, routeKey: string, pathParameters: Readonly<Record<string, string>>): Record<string, unknown> {
  const all = forwardedHeaders(request, facts);
  const cookies = all.filter(([name]) => name.toLowerCase() === "cookie").flatMap(([, value]) => value.split(/;\s*/).filter((cookie) => cookie !== ""));
  const headers = joined(
    all.filter(([name]) => name.toLowerCase() !== "cookie"),
    true,
  );
  const query = queryPairs(request.url);
  return {
    version: "2.0",
    routeKey,
    rawPath: facts.fullPath,
    rawQueryString: request.url.search.replace(/^\?/, ""),
    ...(cookies.length === 0 ? {} : { cookies }),
    headers,
    ...(query.length === 0 ? {} : { queryStringParameters: joined(query, false) }),
    requestContext: {
      accountId: facts.accountId,
      apiId: facts.apiId,
      domainName: facts.domainName,
      domainPrefix: domainPrefixOf(facts.domainName),
      ...(facts.authorizer === undefined ? {} : { authorizer: { lambda: { ...facts.authorizer } } }),
      ...(facts.jwt === undefined ? {} : { authorizer: { jwt: { claims: { ...facts.jwt.claims }, scopes: facts.jwt.scopes === null ? null : [...facts.jwt.scopes] } } }),
      http: {
        method: request.method,
        path: facts.fullPath,
        protocol: "HTTP/1.1",
        sourceIp: request.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: facts.extendedRequestId,
      routeKey,
      stage: facts.stage,
      time: requestTimeText(facts.timeEpoch),
      timeEpoch: facts.timeEpoch,
    },
    ...(request.body === null ? {} : { body: request.body }),
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters: { ...pathParameters } }),
    isBase64Encoded: request.isBase64Encoded,
    ...(Object.keys(facts.stageVariables).length === 0 ? {} : { stageVariables: { ...facts.stageVariables } }),
  };
}
