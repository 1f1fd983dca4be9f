/**
 * A function's resource-based policy (https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html):
 * the statements AddPermission adds, which let another service (sns.amazonaws.com, ...) or account
 * invoke the function. Same-account callers need none (their IAM policy is assumed to allow them), so
 * `sb.lambda.createFunction` and the SDK's Invoke keep working without; a service principal is refused
 * unless a statement allows it, as on AWS ("SNS ... needs permission to invoke the function").
 */
import type { DeliverySource } from "../core/delivery.ts";
import { evaluatePolicy, parsePolicy, type PolicyDocument } from "../iam/index.ts";
import type { LambdaFunction } from "./lambda-state.ts";

export type { PermissionStatement, ResourcePolicy } from "./policy-types.ts";

export function policyDocument(fn: LambdaFunction): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: fn.policy.statements });
}

export type InvokeVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: InvokeVerdict = { allowed: true };

/** May `source` invoke `fn`? Same-account roles always may; services need an Allow for lambda:InvokeFunction. */
export function checkInvokePermission(fn: LambdaFunction, accountId: string, source: DeliverySource): InvokeVerdict {
  const { principal } = source;
  if (principal.type === "Account") {
    return principal.accountId === accountId ? ALLOWED : { allowed: false, reason: "cross-account invocations are not simulated" };
  }
  const who = principal.service;
  const advice =
    `Add a permission: AddPermissionCommand({ FunctionName: "${fn.name}", StatementId: "allow-${who.split(".")[0]}", ` +
    `Action: "lambda:InvokeFunction", Principal: "${who}", SourceArn: "${source.sourceArn}" }).`;
  if (fn.policy.statements.length === 0) {
    return { allowed: false, reason: `function ${fn.name} has no resource-based policy, so ${who} may not invoke it from ${source.label}. ${advice}` };
  }
  fn.policy.parsed ??= toDocument(fn);
  const decision = evaluatePolicy(fn.policy.parsed, {
    caller: { type: "Service", service: who },
    action: "lambda:InvokeFunction",
    resource: fn.arn,
    context: { "aws:SourceArn": source.sourceArn, "aws:SourceAccount": source.sourceAccount },
  });
  if (decision.decision === "allow") return ALLOWED;
  return { allowed: false, reason: `function ${fn.name}'s resource-based policy does not allow ${who} to invoke it from ${source.label}. ${advice}` };
}

function toDocument(fn: LambdaFunction): PolicyDocument {
  const parsed = parsePolicy(policyDocument(fn));
  // AddPermission only stores statements it validated, so this parses; an empty document denies all.
  return parsed.ok ? parsed.policy : { statements: [] };
}
