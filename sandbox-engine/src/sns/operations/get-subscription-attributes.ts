/** GetSubscriptionAttributes. */
import { ok } from "../../core/outcome.ts";
import type { FilterPolicyScope } from "../filter-policy/index.ts";
import { asParams, required } from "../params.ts";
import type { Protocol, SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { GetSubscriptionAttributesResponse } from "../sns-types.ts";
import { findSubscription } from "../subscriptions.ts";

export function getSubscriptionAttributes(ctx: SnsContext, input: unknown): SnsOutcome<GetSubscriptionAttributesResponse> {
  const arn = required(asParams(input), "SubscriptionArn");
  if (!arn.ok) return arn;
  const found = findSubscription(ctx, arn.value);
  if (!found.ok) return found;
  const s = found.value;
  const attributes: Record<string, string> = {
    Owner: s.owner,
    RawMessageDelivery: s.raw ? "true" : "false",
    TopicArn: s.topic.arn,
    Endpoint: s.endpoint,
    Protocol: s.protocol,
    PendingConfirmation: s.pending ? "true" : "false",
    ConfirmationWasAuthenticated: s.pending ? "false" : "true",
    SubscriptionArn: s.arn,
    SubscriptionPrincipal: `arn:aws:iam::${ctx.accountId}:root`,
  };
  for (const [key, value] of s.attributes) if (key !== "FilterPolicyScope" && key !== "RawMessageDelivery") attributes[key] = value;
  // AWS-FACTS A.1 item 6: FilterPolicyScope is returned only once a FilterPolicy exists.
  if (s.attributes.has("FilterPolicy")) attributes["FilterPolicyScope"] = s.attributes.get("FilterPolicyScope") ?? "MessageAttributes";
  return ok({ Attributes: attributes });
}
