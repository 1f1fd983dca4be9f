/**
 * Topic policies: who may call what on a topic. A topic starts with AWS's default policy (the
 * owner account may do everything: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html).
 * Same-account callers are allowed unless the topic policy explicitly denies them (the sandbox
 * assumes their own IAM policies allow SNS); callers from another account need an Allow in the topic
 * policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 */
import { fail, ok } from "../core/outcome.ts";
import { evaluatePolicy, parsePolicy, type Caller, type ParseResult, type PolicyDocument } from "../iam/index.ts";
import type { SnsContext, TopicState } from "./sns-context.ts";
import type { SnsOutcome } from "./sns-faults.ts";

export const DEFAULT_TOPIC_ACTIONS = [
  "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission",
  "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish",
];

/** The policy AWS gives a new topic (JSON as GetTopicAttributes returns it). */
export function defaultTopicPolicy(arn: string, accountId: string): string {
  return JSON.stringify({
    Version: "2008-10-17",
    Id: "__default_policy_ID",
    Statement: [
      {
        Sid: "__default_statement_ID",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: DEFAULT_TOPIC_ACTIONS,
        Resource: arn,
        Condition: { StringEquals: { "AWS:SourceOwner": accountId } },
      },
    ],
  });
}

export function cachedPolicy(ctx: Pick<SnsContext, "policyCache">, text: string): ParseResult {
  let parsed = ctx.policyCache.get(text);
  if (parsed === undefined) {
    parsed = parsePolicy(text);
    if (ctx.policyCache.size > 1000) ctx.policyCache.clear();
    ctx.policyCache.set(text, parsed);
  }
  return parsed;
}

export function parseTopicPolicy(text: string): SnsOutcome<PolicyDocument> {
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    // AWS answers "Invalid parameter: Policy Error: ..." with a parser detail (detail UNVERIFIED: LocalStack's AWS-recorded
    // snapshots record other policy errors, not this parser detail).
    return fail("InvalidParameterException", `Invalid parameter: Policy Error: ${parsed.reason}`, { queryCode: "InvalidParameter" });
  }
  return ok(parsed.policy);
}

function callerName(caller: Caller): string {
  return caller.type === "AWS" ? caller.arn : caller.service;
}

/** Checks `action` (e.g. "SNS:Publish") on `topic` for `caller`; AuthorizationError (403) if refused. */
export function authorize(ctx: SnsContext, topic: TopicState, caller: Caller, action: string): SnsOutcome<true> {
  const accountId = caller.type === "AWS" ? caller.accountId : undefined;
  // Fast path (every publish of the owner): same account and no Deny statement to check.
  if (accountId === ctx.accountId && !topic.policy.statements.some((statement) => statement.effect === "Deny")) return ok(true);
  const decision = evaluatePolicy(topic.policy, {
    caller,
    action,
    resource: topic.arn,
    context: {
      "aws:SourceOwner": accountId ?? "",
      ...(accountId === undefined ? {} : { "aws:PrincipalAccount": accountId, "aws:SourceAccount": accountId }),
      ...(caller.type === "AWS" ? { "aws:PrincipalArn": caller.arn } : {}),
    },
  });
  const sameAccount = accountId === ctx.accountId;
  if (decision.decision === "allow" || (decision.decision === "implicit-deny" && sameAccount)) return ok(true);
  const why = decision.decision === "explicit-deny" ? "with an explicit deny in a resource-based policy" : "because no resource-based policy allows the " + action + " action";
  ctx.trace.record("sns", "authorization-denied", topic.arn, { caller: callerName(caller), action });
  return fail("AuthorizationErrorException", `User: ${callerName(caller)} is not authorized to perform: ${action} on resource: ${topic.arn} ${why}`, {
    queryCode: "AuthorizationError",
    httpStatusCode: 403,
    hint: `The topic policy of ${topic.name} decides who may ${action.split(":")[1]}. Read it with GetTopicAttributesCommand (Attributes.Policy).`,
  });
}
