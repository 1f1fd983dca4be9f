/** CreateTopic (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html). */
import { ok } from "../../core/outcome.ts";
import { defaultTopicPolicy, parseTopicPolicy } from "../access.ts";
import { asParams, MAX_TAGS, parseTagList, required, stringMap, tagLimit } from "../params.ts";
import { invalidParameter, topicArnOf, type SnsContext, type TopicState } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { CreateTopicResponse } from "../sns-types.ts";
import { FIFO_NAME, NAME, checkAttribute } from "../topics.ts";

export function createTopic(ctx: SnsContext, input: unknown): SnsOutcome<CreateTopicResponse> {
  const params = asParams(input);
  const name = required(params, "Name", "Topic Name");
  if (!name.ok) return name;
  const attributes = stringMap(params, "Attributes");
  if (!attributes.ok) return attributes;
  const tags = parseTagList(params["Tags"]);
  if (!tags.ok) return tags;
  const fifo = attributes.value.get("FifoTopic")?.toLowerCase() === "true";
  if (fifo ? !FIFO_NAME.test(name.value) : !NAME.test(name.value)) {
    return invalidParameter(
      fifo
        ? "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long."
        : "Invalid parameter: Topic Name",
      name.value.endsWith(".fifo") && !fifo ? 'A name ending in .fifo needs Attributes: { FifoTopic: "true" }.' : "Topic names are 1-256 letters, digits, hyphens and underscores (FIFO: ending in .fifo).",
    );
  }
  if (tags.value.size > MAX_TAGS) return tagLimit();
  const arn = topicArnOf(ctx, name.value);
  const given = new Map<string, string>();
  for (const [key, value] of attributes.value) {
    if (key === "FifoTopic" && !fifo) continue; // AWS does not keep FifoTopic=false
    const checked = checkAttribute(key, value, fifo, "create");
    if (!checked.ok) return checked;
    given.set(key, checked.value);
  }
  const existing = ctx.topics.get(arn);
  if (existing !== undefined) {
    // CreateTopic is idempotent for the same attributes and tags (API_CreateTopic.html).
    for (const [key, value] of given) {
      if (key !== "FifoTopic" && existing.attributes.get(key) !== value) {
        return invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
      }
    }
    for (const [key, value] of tags.value) {
      if (existing.tags.get(key) !== value) return invalidParameter("Invalid parameter: Tags Reason: Topic already exists with different tags");
    }
    return ok({ TopicArn: arn });
  }
  if (fifo && !given.has("ContentBasedDeduplication")) given.set("ContentBasedDeduplication", "false");
  given.delete("FifoTopic");
  const policyText = given.get("Policy") ?? defaultTopicPolicy(arn, ctx.accountId);
  const policy = parseTopicPolicy(policyText);
  if (!policy.ok) return policy;
  given.set("Policy", policyText);
  const topic: TopicState = {
    name: name.value,
    arn,
    fifo,
    attributes: given,
    policy: policy.value,
    tags: new Map(tags.value),
    subscriptions: new Set(),
    deduplication: new Map(),
    nextSequenceNumber: 10_000_000_000_000_000_000n,
    deletedSubscriptions: 0,
  };
  ctx.topics.set(arn, topic);
  ctx.trace.record("sns", "create-topic", arn, { fifo });
  return ok({ TopicArn: arn });
}
