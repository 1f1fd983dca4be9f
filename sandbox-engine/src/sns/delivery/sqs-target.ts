/**
 * Sending to an SQS queue as the SNS service, through the SQS service's public API. As on AWS, the
 * queue's access policy must let the service principal sns.amazonaws.com call sqs:SendMessage with
 * aws:SourceArn = the topic (https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html);
 * a queue without a policy refuses SNS. Used for SQS subscriptions and for subscription DLQs.
 */
import { evaluatePolicy } from "../../iam/index.ts";
import type { MessageAttributeValue } from "../../sqs/sqs-types.ts";
import { queueUrl } from "../../sqs/queue-address.ts";
import { cachedPolicy } from "../access.ts";
import { arnName, parseArn, type SnsContext, type TopicState } from "../sns-context.ts";

export type SendOutcome = { readonly ok: true; readonly messageId: string } | { readonly ok: false; readonly reason: string };

export interface SqsSend {
  readonly body: string;
  readonly attributes?: Record<string, MessageAttributeValue> | undefined;
  readonly groupId?: string | undefined;
  readonly deduplicationId?: string | undefined;
}

export function sendToQueueAsSns(ctx: SnsContext, topic: TopicState, queueArn: string, send: SqsSend): SendOutcome {
  const parsed = parseArn(queueArn);
  const name = arnName(queueArn);
  if (parsed === undefined || parsed.service !== "sqs") return { ok: false, reason: `${queueArn} is not an SQS queue ARN` };
  const url = queueUrl({ region: parsed.region, accountId: parsed.accountId }, name);
  let policyText = ctx.queuePolicies.get(queueArn);
  if (policyText === undefined && !ctx.queuePolicies.has(queueArn)) {
    const found = ctx.sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ["Policy"] });
    policyText = found.ok ? found.value.Attributes?.Policy : null;
    ctx.queuePolicies.set(queueArn, policyText);
  }
  if (policyText === null) return { ok: false, reason: `queue ${name} does not exist (was it deleted?)` };
  const from = `topic ${topic.name}`;
  if (policyText === undefined) {
    return { ok: false, reason: `queue ${name} has no access policy, so it does not allow sns.amazonaws.com to SendMessage from ${from}` };
  }
  const policy = cachedPolicy(ctx, policyText);
  const decision = policy.ok
    ? evaluatePolicy(policy.policy, {
        caller: { type: "Service", service: "sns.amazonaws.com" },
        action: "sqs:SendMessage",
        resource: queueArn,
        context: { "aws:SourceArn": topic.arn, "aws:SourceAccount": ctx.accountId },
      })
    : ({ decision: "implicit-deny" } as const);
  if (decision.decision === "explicit-deny") {
    const sid = decision.statement.sid === undefined ? "" : ` (statement ${decision.statement.sid})`;
    return { ok: false, reason: `queue ${name}'s policy denies sns.amazonaws.com SendMessage from ${from}${sid}` };
  }
  if (decision.decision !== "allow") {
    return { ok: false, reason: `queue ${name}'s policy does not allow sns.amazonaws.com to SendMessage from ${from}` };
  }
  const sent = ctx.sqs.sendMessage({
    QueueUrl: url,
    MessageBody: send.body,
    ...(send.attributes === undefined ? {} : { MessageAttributes: send.attributes }),
    ...(send.groupId === undefined ? {} : { MessageGroupId: send.groupId }),
    ...(send.deduplicationId === undefined ? {} : { MessageDeduplicationId: send.deduplicationId }),
  });
  if (!sent.ok) return { ok: false, reason: `queue ${name} refused the message: ${sent.fault.message}` };
  return { ok: true, messageId: sent.value.MessageId! };
}
