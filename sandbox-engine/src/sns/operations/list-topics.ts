/** ListTopics, 100 per page. */
import { ok } from "../../core/outcome.ts";
import { asParams, optional, page } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { ListTopicsResponse } from "../sns-types.ts";

export function listTopics(ctx: SnsContext, input: unknown): SnsOutcome<ListTopicsResponse> {
  const token = optional(asParams(input), "NextToken");
  if (!token.ok) return token;
  const arns = [...ctx.topics.keys()].sort();
  const paged = page(arns, token.value, (arn) => arn);
  if (!paged.ok) return paged;
  return ok({ Topics: paged.value.items.map((TopicArn) => ({ TopicArn })), ...(paged.value.next ? { NextToken: paged.value.next } : {}) });
}
