/**
 * One IAM policy evaluator for resource policies (topic policies, queue policies).
 * Logic (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny in any matching statement wins; otherwise an Allow in a matching statement
 * allows; otherwise the request is implicitly denied. A statement matches when its principal,
 * action, resource and every condition match.
 *
 * Condition operators: String(Not)Equals, String(Not)EqualsIgnoreCase, String(Not)Like,
 * Arn(Not)Equals, Arn(Not)Like, each also with the IfExists suffix, and Null. Condition keys are
 * case-insensitive. A missing key fails a positive operator and passes a negated one (and IfExists
 * makes a missing key pass). Unknown operators never match (so an Allow with one does not allow).
 */
import { arnMatch, globMatch } from "./glob.ts";
import { actionMatches, type ConditionBlock, type PolicyDocument, type PrincipalSpec, type Statement } from "./policy.ts";

/** Who is asking: an AWS principal (account root, user, role) or an AWS service. */
export type Caller =
  | { readonly type: "AWS"; readonly arn: string; readonly accountId: string }
  | { readonly type: "Service"; readonly service: string };

export interface AccessRequest {
  readonly caller: Caller;
  /** "service:Action", e.g. "sqs:SendMessage". */
  readonly action: string;
  readonly resource: string;
  /** Condition keys, e.g. { "aws:SourceArn": topicArn, "aws:SourceAccount": "123456789012" }. */
  readonly context?: Readonly<Record<string, string>>;
}

export type Decision =
  | { readonly decision: "allow"; readonly statement: Statement }
  | { readonly decision: "explicit-deny"; readonly statement: Statement }
  | { readonly decision: "implicit-deny" };

export function evaluatePolicy(policy: PolicyDocument | undefined, request: AccessRequest): Decision {
  if (policy === undefined) return { decision: "implicit-deny" };
  const context = new Map<string, string>();
  for (const [key, value] of Object.entries(request.context ?? {})) context.set(key.toLowerCase(), value);
  let allow: Statement | undefined;
  for (const statement of policy.statements) {
    if (!statementApplies(statement, request, context)) continue;
    if (statement.effect === "Deny") return { decision: "explicit-deny", statement };
    allow ??= statement;
  }
  return allow === undefined ? { decision: "implicit-deny" } : { decision: "allow", statement: allow };
}

function statementApplies(statement: Statement, request: AccessRequest, context: Map<string, string>): boolean {
  if (statement.principal !== undefined && !principalMatches(statement.principal, request.caller)) return false;
  if (statement.notPrincipal !== undefined && principalMatches(statement.notPrincipal, request.caller)) return false;
  if (statement.principal === undefined && statement.notPrincipal === undefined) return false; // resource policies need one
  if (statement.actions !== undefined && !statement.actions.some((a) => actionMatches(a, request.action))) return false;
  if (statement.notActions !== undefined && statement.notActions.some((a) => actionMatches(a, request.action))) return false;
  // A resource policy may leave Resource out: it then means the resource the policy is attached to.
  if (statement.resources !== undefined && !statement.resources.some((r) => globMatch(r, request.resource))) return false;
  if (statement.notResources !== undefined && statement.notResources.some((r) => globMatch(r, request.resource))) return false;
  return statement.conditions.every((condition) => conditionHolds(condition, context));
}

/** Account id "123456789012" and "arn:aws:iam::123456789012:root" both mean "that account". */
function accountOf(id: string): string | undefined {
  if (/^\d{12}$/.test(id)) return id;
  return /^arn:aws:iam::(\d{12}):root$/.exec(id)?.[1];
}

export function principalMatches(spec: PrincipalSpec, caller: Caller): boolean {
  if (spec === "*") return true;
  if (caller.type === "Service") return (spec["Service"] ?? []).some((s) => s === "*" || s.toLowerCase() === caller.service.toLowerCase());
  return (spec["AWS"] ?? []).some((id) => {
    if (id === "*") return true;
    const account = accountOf(id);
    // Naming an account delegates to every principal of that account.
    if (account !== undefined) return account === caller.accountId;
    return id === caller.arn;
  });
}

const OPERATOR = /^(String|Arn)(Not)?(Equals|EqualsIgnoreCase|Like)(IfExists)?$/;

function conditionHolds(condition: ConditionBlock, context: Map<string, string>): boolean {
  const actual = context.get(condition.key.toLowerCase());
  if (condition.operator === "Null") {
    const wantsMissing = condition.values.some((v) => v.toLowerCase() === "true");
    return wantsMissing === (actual === undefined);
  }
  const parsed = OPERATOR.exec(condition.operator);
  if (parsed === null) return false;
  const [, family, not, kind, ifExists] = parsed;
  if (actual === undefined) return ifExists !== undefined || not !== undefined;
  const any = condition.values.some((expected) => {
    if (family === "Arn") return arnMatch(expected, actual);
    if (kind === "Like") return globMatch(expected, actual);
    if (kind === "EqualsIgnoreCase") return expected.toLowerCase() === actual.toLowerCase();
    return expected === actual;
  });
  return not === undefined ? any : !any;
}
