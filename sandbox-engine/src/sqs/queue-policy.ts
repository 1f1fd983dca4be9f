/**
 * The queue policy, enforced by SQS for deliveries from other services. As on AWS, a service
 * principal such as sns.amazonaws.com may send to a queue only if the queue's `Policy` allows it
 * sqs:SendMessage, usually for one source (aws:SourceArn)
 * (https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html); a queue without a
 * policy refuses every service. A role of the queue's own account (a Lambda destination, which uses the
 * function's execution role) needs no queue policy (same-account access is granted by IAM:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import type { DeliverySource } from "../core/delivery.ts";
import { evaluatePolicy, parsePolicy, type ParseResult } from "../iam/index.ts";
import type { Queue } from "./queue.ts";

export type QueuePolicyVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: QueuePolicyVerdict = { allowed: true };

/** Parsed policies by their text: a queue's policy is read on every delivery, and rarely changes. */
export type PolicyCache = Map<string, ParseResult>;

export function checkQueuePolicy(cache: PolicyCache, queue: Queue, source: DeliverySource): QueuePolicyVerdict {
  const { principal } = source;
  if (principal.type === "Account") {
    return principal.accountId === queue.arn.split(":")[4]
      ? ALLOWED
      : { allowed: false, reason: `queue ${queue.name} belongs to another account, and cross-account sends are not simulated` };
  }
  const who = principal.service;
  const text = queue.attributes.get("Policy");
  if (text === undefined || text === "") {
    return { allowed: false, reason: `queue ${queue.name} has no access policy, so it does not allow ${who} to SendMessage from ${source.label}` };
  }
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = parsePolicy(text);
    if (cache.size > 1000) cache.clear();
    cache.set(text, parsed);
  }
  const decision = parsed.ok
    ? evaluatePolicy(parsed.policy, {
        caller: { type: "Service", service: who },
        action: "sqs:SendMessage",
        resource: queue.arn,
        context: { "aws:SourceArn": source.sourceArn, "aws:SourceAccount": source.sourceAccount },
      })
    : ({ decision: "implicit-deny" } as const);
  if (decision.decision === "explicit-deny") {
    const sid = decision.statement.sid === undefined ? "" : ` (statement ${decision.statement.sid})`;
    return { allowed: false, reason: `queue ${queue.name}'s policy denies ${who} SendMessage from ${source.label}${sid}` };
  }
  if (decision.decision !== "allow") {
    return { allowed: false, reason: `queue ${queue.name}'s policy does not allow ${who} to SendMessage from ${source.label}` };
  }
  return ALLOWED;
}
