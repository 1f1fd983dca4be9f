/** DeleteTopic: its subscriptions go with it. */
import { ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, required } from "../params.ts";
import { removeSubscription, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import { findTopic } from "../topics.ts";

/** "Deleting a topic that doesn't exist doesn't result in an error" (API_DeleteTopic.html). */
export function deleteTopic(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<Record<string, never>> {
  const arn = required(asParams(input), "TopicArn");
  if (!arn.ok) return arn;
  const topic = ctx.topics.get(arn.value);
  if (topic === undefined) {
    const found = findTopic(ctx, arn.value);
    return !found.ok && found.fault.code === "NotFoundException" ? ok({}) : (found as SnsOutcome<never>);
  }
  const allowed = authorize(ctx, topic, caller, "SNS:DeleteTopic");
  if (!allowed.ok) return allowed;
  for (const subscription of [...topic.subscriptions]) removeSubscription(ctx, subscription);
  ctx.topics.delete(topic.arn);
  ctx.trace.record("sns", "delete-topic", topic.arn, {});
  return ok({});
}
