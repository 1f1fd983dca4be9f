/**
 * AddPermission (https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html): adds a
 * statement to the function's resource-based policy. Principal is a service ("sns.amazonaws.com"),
 * an account id or ARN, or "*"; SourceArn becomes an ArnLike condition on AWS:SourceArn and
 * SourceAccount a StringEquals on AWS:SourceAccount, as in the statement AWS returns.
 */
import { findFunction } from "../functions.ts";
import { invalidParameter, resourceConflict, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams, show } from "../params.ts";
import type { PermissionStatement } from "../resource-policy.ts";

const STATEMENT_ID = /^[a-zA-Z0-9-_.]{1,100}$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;

export interface AddPermissionResult {
  /** The statement added, as JSON text. */
  Statement: string;
}

function principalOf(principal: string): PermissionStatement["Principal"] {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith("arn:")) return { AWS: principal };
  return { Service: principal };
}

export function addPermission(state: LambdaState, input: unknown): LambdaOutcome<AddPermissionResult> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  const { StatementId: sid, Action: action, Principal: principal, SourceArn: sourceArn, SourceAccount: sourceAccount } = params;
  if (typeof sid !== "string" || !STATEMENT_ID.test(sid)) {
    return invalidParameter(
      `1 validation error detected: Value '${show(sid)}' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)`,
      "StatementId names the statement (1-100 letters, digits, - _ .), e.g. \"allow-sns\".",
    );
  }
  if (typeof action !== "string" || !ACTION.test(action)) {
    return invalidParameter(
      `1 validation error detected: Value '${show(action)}' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])`,
      "To let a service invoke the function, use Action: \"lambda:InvokeFunction\".",
    );
  }
  if (typeof principal !== "string" || !/^\S+$/.test(principal)) {
    return invalidParameter(
      `1 validation error detected: Value '${show(principal)}' at 'principal' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+`,
      "Principal is who may call: a service such as \"sns.amazonaws.com\", or an account id.",
    );
  }
  for (const [name, value] of [["SourceArn", sourceArn], ["SourceAccount", sourceAccount]] as const) {
    if (value !== undefined && typeof value !== "string") return invalidParameter(`${name} must be a string, got ${show(value)}.`);
  }
  if (fn.policy.statements.some((statement) => statement.Sid === sid)) {
    return resourceConflict(
      `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    );
  }
  const condition: Record<string, Record<string, string>> = {};
  if (typeof sourceAccount === "string") condition.StringEquals = { "AWS:SourceAccount": sourceAccount };
  if (typeof sourceArn === "string") condition.ArnLike = { "AWS:SourceArn": sourceArn };
  const statement: PermissionStatement = {
    Sid: sid,
    Effect: "Allow",
    Principal: principalOf(principal),
    Action: action,
    Resource: fn.arn,
    ...(Object.keys(condition).length === 0 ? {} : { Condition: condition }),
  };
  fn.policy.statements.push(statement);
  fn.policy.parsed = undefined;
  fn.policy.revisionId = state.ids.uuid();
  state.trace.record("lambda", "add-permission", fn.arn, { statementId: sid, principal, action, sourceArn: typeof sourceArn === "string" ? sourceArn : null });
  return { ok: true, value: { Statement: JSON.stringify(statement) } };
}
