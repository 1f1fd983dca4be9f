/** ListSubscriptions, 100 per page. */
import { ok } from "../../core/outcome.ts";
import { asParams, optional, page } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { ListSubscriptionsResponse } from "../sns-types.ts";
import { summary } from "../subscriptions.ts";

export function listSubscriptions(ctx: SnsContext, input: unknown): SnsOutcome<ListSubscriptionsResponse> {
  const token = optional(asParams(input), "NextToken");
  if (!token.ok) return token;
  const all = [...ctx.subscriptions.values()];
  const paged = page(all, token.value, (s) => s.arn);
  if (!paged.ok) return paged;
  return ok({ Subscriptions: paged.value.items.map(summary), ...(paged.value.next ? { NextToken: paged.value.next } : {}) });
}
