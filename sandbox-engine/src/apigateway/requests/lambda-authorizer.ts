/**
 * Running a REST Lambda authorizer (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html,
 * api-gateway-lambda-authorizer-input.html, api-gateway-lambda-authorizer-output.html; AWS-FACTS C.5 item 29):
 * missing identity sources answer 401 without calling it; otherwise the function gets the TOKEN event
 * (`authorizationToken`, `methodArn`) or the REQUEST event (the request's parts), through the router as
 * apigateway.amazonaws.com with the authorizer's ARN as aws:SourceArn, and must answer `{ principalId,
 * policyDocument, context? }`. The policy is evaluated for `execute-api:Invoke` on the request's method ARN (the
 * actual path, so a cached policy naming one path does not cover another). Results are cached per identity
 * source values for the TTL. Decision: the authorizer's call is limited to 10 s, the HTTP API authorizer timeout
 * AWS documents (http-api-lambda-authorizer.html); the REST page gives no number.
 */
import { evaluatePolicy, parsePolicy } from "../../iam/index.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { AuthorizerOutput, RestAuthorizer } from "../apigateway-types.ts";
import { headerValue, type GatewayRequest } from "./gateway-request.ts";
import type { GatewayResponseType } from "./gateway-responses.ts";
import { invokeFunction } from "./invoke-function.ts";
import { lambdaFunctionOfUri, withStageVariables } from "./lambda-uri.ts";

const AUTHORIZER_TIMEOUT_MS = 10_000;

export type AuthorizerVerdict =
  | { readonly kind: "allow"; readonly output: AuthorizerOutput; readonly cached: boolean }
  | { readonly kind: "refuse"; readonly response: GatewayResponseType; readonly reason: string };

export interface AuthorizerCall {
  readonly authorizer: RestAuthorizer;
  readonly apiId: string;
  readonly methodArn: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** The REQUEST event's request parts (a payload 1.0 event without body). */
  readonly requestEvent: () => Record<string, unknown>;
  readonly cause: number;
}

function identityValues(request: GatewayRequest, call: AuthorizerCall): string[] | undefined {
  const values: string[] = [];
  for (const source of call.authorizer.identitySources) {
    const header = /^method\.request\.header\.(.+)$/.exec(source)?.[1];
    const query = /^method\.request\.querystring\.(.+)$/.exec(source)?.[1];
    const stageVariable = /^stageVariables\.(.+)$/.exec(source)?.[1];
    const value =
      header !== undefined ? headerValue(request, header) : query !== undefined ? (request.url.searchParams.get(query) ?? undefined) : call.stageVariables[stageVariable ?? ""];
    if (value === undefined || value === "") return undefined;
    values.push(value);
  }
  return values;
}

function readOutput(payload: string): AuthorizerOutput | string {
  let output: unknown;
  try {
    output = JSON.parse(payload);
  } catch {
    return "the authorizer's output is not JSON";
  }
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
function decide(output: AuthorizerOutput, methodArn: string): "allow" | "explicit-deny" | "implicit-deny" {
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
  const { authorizer } = call;
  const identity = identityValues(request, call);
  if (identity === undefined) return { kind: "refuse", response: "UNAUTHORIZED", reason: `the request lacks the authorizer's identity source ${authorizer.identitySources.join(", ")}` };
  const cacheKey = identity.join("\u0000");
  const hit = authorizer.ttlSeconds > 0 ? authorizer.cache.get(cacheKey) : undefined;
  if (hit !== undefined && hit.expiresAt > context.clock.now()) return verdictOf(hit.output, call.methodArn, true);
  const event =
    authorizer.type === "TOKEN"
      ? { type: "TOKEN", authorizationToken: identity[0], methodArn: call.methodArn }
      : (({ body: _body, isBase64Encoded: _encoded, ...parts }) => ({ type: "REQUEST", methodArn: call.methodArn, ...parts }))(call.requestEvent());
  const [, , , region = "", account = ""] = call.methodArn.split(":");
  const answer = await invokeFunction(context, {
    functionArn: lambdaFunctionOfUri(withStageVariables(authorizer.functionUri, call.stageVariables)) ?? "",
    event,
    sourceArn: `arn:aws:execute-api:${region}:${account}:${call.apiId}/authorizers/${authorizer.id}`,
    timeoutMs: AUTHORIZER_TIMEOUT_MS,
    label: `authorizer ${authorizer.name} of API ${call.apiId}`,
    cause: call.cause,
  });
  if (answer.kind === "timeout") return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: `the authorizer did not answer within ${AUTHORIZER_TIMEOUT_MS} ms` };
  if (answer.kind === "not-invoked") return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: `Execution failed due to configuration error: Authorizer error: ${answer.reason}` };
  if (answer.reply.functionError !== undefined) {
    const message = (() => {
      try {
        return (JSON.parse(answer.reply.payload) as { errorMessage?: unknown }).errorMessage;
      } catch {
        return undefined;
      }
    })();
    if (message === "Unauthorized") return { kind: "refuse", response: "UNAUTHORIZED", reason: "the authorizer failed with \"Unauthorized\"" };
    return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: `the authorizer failed: ${answer.reply.payload}` };
  }
  const output = readOutput(answer.reply.payload);
  if (typeof output === "string") return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: `Execution failed due to configuration error: ${output}` };
  if (authorizer.ttlSeconds > 0) authorizer.cache.set(cacheKey, { expiresAt: context.clock.now() + authorizer.ttlSeconds * 1000, output });
  return verdictOf(output, call.methodArn, false);
}
