/** Unsubscribe. */
import { ok } from "../../core/outcome.ts";
import { asParams, required } from "../params.ts";
import { invalidParameter, removeSubscription, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";

export function unsubscribe(ctx: SnsContext, input: unknown): SnsOutcome<Record<string, never>> {
  const arn = required(asParams(input), "SubscriptionArn", "SubscriptionArn Reason: no value for required parameter");
  if (!arn.ok) return arn;
  if (arn.value === "pending confirmation") {
    return invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1", "A pending subscription has no ARN yet: pass ReturnSubscriptionArn: true to Subscribe to get it.");
  }
  const parts = arn.value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") {
    return invalidParameter(`Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not ${parts.length}`);
  }
  const subscription = ctx.subscriptions.get(arn.value);
  // Unsubscribing twice is not an error.
  if (subscription === undefined) return ok({});
  removeSubscription(ctx, subscription);
  ctx.trace.record("sns", "unsubscribe", subscription.topic.arn, { subscription: subscription.arn });
  return ok({});
}
