/** ListTagsForResource (topics). */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { ListTagsForResourceResponse } from "../sns-types.ts";
import { tagTarget } from "../topics.ts";

export function listTagsForResource(ctx: SnsContext, input: unknown): SnsOutcome<ListTagsForResourceResponse> {
  const topic = tagTarget(ctx, asParams(input));
  if (!topic.ok) return topic;
  return ok({ Tags: [...topic.value.tags].map(([Key, Value]) => ({ Key, Value })) });
}
