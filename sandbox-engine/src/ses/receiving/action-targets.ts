/**
 * The targets a receipt rule's actions deliver to, and the check CreateReceiptRule and UpdateReceiptRule make
 * before they store a rule: AWS refuses a rule whose Lambda function SES may not invoke (InvalidLambdaFunction)
 * or whose topic SES may not publish to (InvalidSnsTopic)
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_CreateReceiptRule.html). The answer comes from the
 * receiving service's own check (DeliveryTargets.mayDeliver), the one it runs again when mail arrives, since
 * a permission can be removed after the rule is made.
 *
 * An S3 action's bucket is not checked: buckets live in the world's object store until S3 is simulated, and
 * that store has no notion of a missing bucket or a bucket policy.
 */
import type { DeliverySource } from "../../core/delivery.ts";
import type { Outcome } from "../../core/outcome.ts";
import { ok } from "../../core/outcome.ts";
import type { ReceiptAction, ReceiptRuleState, SesContext } from "../ses-context.ts";
import { invalidLambdaFunction, invalidSnsTopic, type SesFaultCode } from "../ses-faults.ts";

/** SES as the sender of a rule's deliveries: the rule's ARN is aws:SourceArn. */
export function receiptRuleSource(ctx: Pick<SesContext, "region" | "accountId">, ruleSetName: string, ruleName: string, cause?: number): DeliverySource {
  const ruleArn = `arn:aws:ses:${ctx.region}:${ctx.accountId}:receipt-rule-set/${ruleSetName}:receipt-rule/${ruleName}`;
  return { principal: { type: "Service", service: "ses.amazonaws.com" }, sourceArn: ruleArn, sourceAccount: ctx.accountId, label: `receipt rule ${ruleName}`, ...(cause === undefined ? {} : { cause }) };
}

function topicOf(action: ReceiptAction): string | undefined {
  return "topicArn" in action ? action.topicArn : undefined;
}

/** Refuses the rule at the first action SES could not carry out now, in the rule's order. */
export function checkRuleActions(ctx: SesContext, ruleSetName: string, rule: ReceiptRuleState): Outcome<true, SesFaultCode> {
  const source = receiptRuleSource(ctx, ruleSetName, rule.name);
  for (const action of rule.actions) {
    if (action.type === "Lambda") {
      const verdict = ctx.targets.mayDeliver(action.functionArn, source);
      if (verdict.status !== "allowed") return invalidLambdaFunction(action.functionArn, verdict.reason);
    }
    const topicArn = topicOf(action);
    if (topicArn !== undefined) {
      const verdict = ctx.targets.mayDeliver(topicArn, source);
      if (verdict.status !== "allowed") return invalidSnsTopic(topicArn, verdict.reason);
    }
  }
  return ok(true);
}
