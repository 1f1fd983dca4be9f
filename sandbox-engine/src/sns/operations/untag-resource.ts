/** UntagResource (topics). */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../params.ts";
import { invalidParameter, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import { tagTarget } from "../topics.ts";

export function untagResource(ctx: SnsContext, input: unknown): SnsOutcome<Record<string, never>> {
  const params = asParams(input);
  const topic = tagTarget(ctx, params);
  if (!topic.ok) return topic;
  const keys = params["TagKeys"];
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === "string")) {
    return invalidParameter("Invalid parameter: TagKeys", 'TagKeys must be a list of tag keys, e.g. ["team"].');
  }
  for (const key of keys) topic.value.tags.delete(key);
  ctx.trace.record("sns", "tag-resource", topic.value.arn, { removed: keys.length });
  return ok({});
}
