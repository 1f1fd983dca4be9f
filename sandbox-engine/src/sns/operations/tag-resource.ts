/** TagResource (topics). */
import { ok } from "../../core/outcome.ts";
import { asParams, MAX_TAGS, parseTagList, tagLimit } from "../params.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import { tagTarget } from "../topics.ts";

export function tagResource(ctx: SnsContext, input: unknown): SnsOutcome<Record<string, never>> {
  const params = asParams(input);
  const topic = tagTarget(ctx, params);
  if (!topic.ok) return topic;
  const tags = parseTagList(params["Tags"] ?? []);
  if (!tags.ok) return tags;
  const merged = new Map([...topic.value.tags, ...tags.value]);
  if (merged.size > MAX_TAGS) return tagLimit();
  for (const [key, value] of tags.value) topic.value.tags.set(key, value);
  ctx.trace.record("sns", "tag-resource", topic.value.arn, { added: tags.value.size });
  return ok({});
}
