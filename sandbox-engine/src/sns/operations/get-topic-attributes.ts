/** GetTopicAttributes. */
import { ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, required } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { GetTopicAttributesResponse } from "../sns-types.ts";
import { DEFAULT_EFFECTIVE_DELIVERY_POLICY, DEFAULT_MAXIMUM_MESSAGE_SIZE, findTopic } from "../topics.ts";

export function getTopicAttributes(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<GetTopicAttributesResponse> {
  const arn = required(asParams(input), "TopicArn");
  if (!arn.ok) return arn;
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:GetTopicAttributes");
  if (!allowed.ok) return allowed;
  const t = topic.value;
  let confirmed = 0;
  let pending = 0;
  for (const subscription of t.subscriptions) subscription.pending ? pending++ : confirmed++;
  const attributes: Record<string, string> = {
    Policy: t.attributes.get("Policy")!,
    Owner: ctx.accountId,
    SubscriptionsPending: String(pending),
    TopicArn: t.arn,
    EffectiveDeliveryPolicy: t.attributes.get("DeliveryPolicy") ?? DEFAULT_EFFECTIVE_DELIVERY_POLICY,
    SubscriptionsConfirmed: String(confirmed),
    DisplayName: t.attributes.get("DisplayName") ?? "",
    SubscriptionsDeleted: String(t.deletedSubscriptions),
    MaximumMessageSize: t.attributes.get("MaximumMessageSize") ?? String(DEFAULT_MAXIMUM_MESSAGE_SIZE),
  };
  if (t.fifo) attributes["FifoTopic"] = "true";
  for (const [key, value] of t.attributes) if (!(key in attributes)) attributes[key] = value;
  return ok({ Attributes: attributes });
}
