/** ConfirmSubscription, with the token SNS sent to the endpoint. */
import { ok } from "../../core/outcome.ts";
import { asParams, required } from "../params.ts";
import { invalidParameter, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { ConfirmSubscriptionResponse } from "../sns-types.ts";
import { findTopic } from "../topics.ts";

export function confirmSubscription(ctx: SnsContext, input: unknown): SnsOutcome<ConfirmSubscriptionResponse> {
  const params = asParams(input);
  const topicArn = required(params, "TopicArn", "Topic");
  if (!topicArn.ok) return topicArn;
  const token = required(params, "Token");
  if (!token.ok) return token;
  const topic = findTopic(ctx, topicArn.value, "Topic");
  if (!topic.ok) return topic;
  const entry = ctx.tokens.get(token.value);
  const subscription = entry === undefined ? undefined : ctx.subscriptions.get(entry.subscriptionArn);
  if (entry === undefined || subscription === undefined || subscription.topic !== topic.value) {
    return invalidParameter("Invalid parameter: Token", "Use the Token from the SubscriptionConfirmation message, with the topic it came from.");
  }
  if (entry.expiresAt <= ctx.clock.now()) {
    return invalidParameter("Invalid parameter: Token", "Confirmation tokens are valid for 3 days; subscribe again to get a new one.");
  }
  if (subscription.pending) {
    subscription.pending = false;
    ctx.trace.record("sns", "confirm-subscription", topic.value.arn, { subscription: subscription.arn });
  }
  return ok({ SubscriptionArn: subscription.arn });
}
