/**
 * What REST and HTTP API Lambda authorizers share: reading an identity source from the request, and calling the
 * function through the router (apigateway.amazonaws.com, aws:SourceArn `.../{apiId}/authorizers/{id}`) within
 * 10 s. Decision: 10 s is the HTTP API authorizer timeout AWS documents (http-api-lambda-authorizer.html); the
 * REST pages give no number. A function error whose message is "Unauthorized" means 401.
 */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { headerValue, type GatewayRequest } from "./gateway-request.ts";
import type { GatewayResponseType } from "./gateway-responses.ts";
import { invokeFunction } from "./invoke-function.ts";
import { lambdaFunctionOfUri, withStageVariables } from "./lambda-uri.ts";

const AUTHORIZER_TIMEOUT_MS = 10_000;

/** Where an identity comes from: a header, a query string parameter or a stage variable (by name). */
export type IdentitySource = { readonly header: string } | { readonly query: string } | { readonly stageVariable: string };

/** Reads identity source expressions: REST's `method.request.header.X`, HTTP's `$request.header.X`, by their prefixes. */
export function parseIdentitySources(sources: readonly string[], prefixes: { readonly header: string; readonly query: string; readonly stageVariable: string }): IdentitySource[] {
  return sources.map((source): IdentitySource => {
    if (source.startsWith(prefixes.header)) return { header: source.slice(prefixes.header.length) };
    if (source.startsWith(prefixes.query)) return { query: source.slice(prefixes.query.length) };
    return { stageVariable: source.slice(prefixes.stageVariable.length) };
  });
}

/** What both authorizer kinds need from the request. */
export interface AuthorizerRequest {
  readonly apiId: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** The request event of the authorizer's payload format (its body is left out). */
  readonly requestEvent: () => Record<string, unknown>;
  /** The request's trace seq. */
  readonly cause: number;
}

export type AuthorizerRefusal = { readonly kind: "refuse"; readonly response: GatewayResponseType; readonly reason: string };

/** The identity values, in order; undefined when one is missing or empty (401 without calling the function). */
export function identityValues(request: GatewayRequest, sources: readonly IdentitySource[], stageVariables: Readonly<Record<string, string>>): string[] | undefined {
  const values: string[] = [];
  for (const source of sources) {
    const value =
      "header" in source ? headerValue(request, source.header) : "query" in source ? (request.url.searchParams.get(source.query) ?? undefined) : stageVariables[source.stageVariable];
    if (value === undefined || value === "") return undefined;
    values.push(value);
  }
  return values;
}

export type AuthorizerAnswer =
  | { readonly kind: "output"; readonly output: unknown }
  | { readonly kind: "failed"; readonly response: "UNAUTHORIZED" | "AUTHORIZER_FAILURE"; readonly reason: string };

export interface AuthorizerInvocation {
  readonly functionUri: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly apiId: string;
  readonly authorizerId: string;
  readonly name: string;
  /** The method or route ARN of the request (its region and account name the authorizer's ARN). */
  readonly arn: string;
  readonly event: unknown;
  readonly cause: number;
}

export async function callAuthorizer(context: ApiGatewayContext, call: AuthorizerInvocation): Promise<AuthorizerAnswer> {
  const [, , , region = "", account = ""] = call.arn.split(":");
  const answer = await invokeFunction(context, {
    functionArn: lambdaFunctionOfUri(withStageVariables(call.functionUri, call.stageVariables)) ?? "",
    event: call.event,
    sourceArn: `arn:aws:execute-api:${region}:${account}:${call.apiId}/authorizers/${call.authorizerId}`,
    timeoutMs: AUTHORIZER_TIMEOUT_MS,
    label: `authorizer ${call.name} of API ${call.apiId}`,
    cause: call.cause,
  });
  if (answer.kind === "timeout") return { kind: "failed", response: "AUTHORIZER_FAILURE", reason: `the authorizer did not answer within ${AUTHORIZER_TIMEOUT_MS} ms` };
  if (answer.kind === "not-invoked") return { kind: "failed", response: "AUTHORIZER_FAILURE", reason: `Execution failed due to configuration error: Authorizer error: ${answer.reason}` };
  let output: unknown;
  try {
    output = JSON.parse(answer.reply.payload);
  } catch {
    return { kind: "failed", response: "AUTHORIZER_FAILURE", reason: "the authorizer's output is not JSON" };
  }
  if (answer.reply.functionError !== undefined) {
    return (output as { errorMessage?: unknown } | null)?.errorMessage === "Unauthorized"
      ? { kind: "failed", response: "UNAUTHORIZED", reason: 'the authorizer failed with "Unauthorized"' }
      : { kind: "failed", response: "AUTHORIZER_FAILURE", reason: `the authorizer failed: ${answer.reply.payload}` };
  }
  return { kind: "output", output };
}

/** An authorizer's settings as the shared flow needs them. */
export interface AuthorizerSettings<Cached> {
  readonly id: string;
  readonly name: string;
  readonly functionUri: string;
  readonly identitySources: readonly string[];
  readonly ttlSeconds: number;
  readonly cache: Map<string, { readonly expiresAt: number; readonly output: Cached }>;
}

/**
 * The flow both kinds follow: identity (401 when missing), the TTL cache per identity, the call, the verdict.
 * `read` turns the function's output into what is cached (or a reason it is unusable); `judge` decides.
 */
export async function runAuthorizer<Cached, Verdict>(
  context: ApiGatewayContext,
  request: GatewayRequest,
  call: AuthorizerRequest & { readonly arn: string },
  authorizer: AuthorizerSettings<Cached>,
  steps: {
    readonly sources: readonly IdentitySource[];
    readonly event: (identity: readonly string[]) => unknown;
    readonly read: (output: unknown) => Cached | string;
    readonly judge: (output: Cached, cached: boolean) => Verdict;
  },
): Promise<Verdict | AuthorizerRefusal> {
  const identity = identityValues(request, steps.sources, call.stageVariables);
  if (identity === undefined) return { kind: "refuse", response: "UNAUTHORIZED", reason: `the request lacks the authorizer's identity source ${authorizer.identitySources.join(", ")}` };
  const cacheKey = identity.join("\u0000");
  const hit = authorizer.ttlSeconds > 0 ? authorizer.cache.get(cacheKey) : undefined;
  if (hit !== undefined && hit.expiresAt > context.clock.now()) return steps.judge(hit.output, true);
  const answer = await callAuthorizer(context, {
    functionUri: authorizer.functionUri,
    stageVariables: call.stageVariables,
    apiId: call.apiId,
    authorizerId: authorizer.id,
    name: authorizer.name,
    arn: call.arn,
    event: steps.event(identity),
    cause: call.cause,
  });
  if (answer.kind === "failed") return { kind: "refuse", response: answer.response, reason: answer.reason };
  const output = steps.read(answer.output);
  if (typeof output === "string") return { kind: "refuse", response: "AUTHORIZER_FAILURE", reason: `Execution failed due to configuration error: ${output}` };
  if (authorizer.ttlSeconds > 0) authorizer.cache.set(cacheKey, { expiresAt: context.clock.now() + authorizer.ttlSeconds * 1000, output });
  return steps.judge(output, false);
}
