/** ListSubscriptionsByTopic, 100 per page. */
import { ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, optional, page, required } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { ListSubscriptionsResponse } from "../sns-types.ts";
import { summary } from "../subscriptions.ts";
import { findTopic } from "../topics.ts";

export function listSubscriptionsByTopic(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<ListSubscriptionsResponse> {
  const params = asParams(input);
  const arn = required(params, "TopicArn");
  if (!arn.ok) return arn;
  const token = optional(params, "NextToken");
  if (!token.ok) return token;
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:ListSubscriptionsByTopic");
  if (!allowed.ok) return allowed;
  const paged = page([...topic.value.subscriptions], token.value, (s) => s.arn);
  if (!paged.ok) return paged;
  return ok({ Subscriptions: paged.value.items.map(summary), ...(paged.value.next ? { NextToken: paged.value.next } : {}) });
}
