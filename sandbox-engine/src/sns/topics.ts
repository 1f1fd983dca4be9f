/**
 * Topic operations: CreateTopic, DeleteTopic, ListTopics, Get/SetTopicAttributes, and tags
 * (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html and neighbours).
 */
import { fail, ok } from "../core/outcome.ts";
import type { Caller } from "../iam/index.ts";
import { authorize, defaultTopicPolicy, parseTopicPolicy } from "./access.ts";
import { parseDeliveryPolicy } from "./delivery/retry-policy.ts";
import { asParams, MAX_TAGS, optional, page, parseTagList, required, stringMap, tagLimit } from "./params.ts";
import { parseArn } from "../core/arn.ts";
import { invalidParameter, notFound, removeSubscription, topicArnOf, type SnsContext, type TopicState } from "./sns-context.ts";
import type {
  CreateTopicResponse,
  GetTopicAttributesResponse,
  ListTagsForResourceResponse,
  ListTopicsResponse,
} from "./sns-types.ts";
import type { SnsOutcome } from "./sns-faults.ts";

const NAME = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,251}\.fifo$/;
/** Default and range of MaximumMessageSize (https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html). */
export const DEFAULT_MAXIMUM_MESSAGE_SIZE = 262_144;
const MESSAGE_SIZE_RANGE = { min: 1024, max: 1_048_576 };
/** "FifoTopic" is create-only; these may be set (API_SetTopicAttributes.html). */
const SETTABLE = new Set([
  "DisplayName", "Policy", "DeliveryPolicy", "ContentBasedDeduplication", "MaximumMessageSize", "KmsMasterKeyId",
  "SignatureVersion", "TracingConfig", "ArchivePolicy", "FifoThroughputScope", "DataProtectionPolicy",
]);

/** The effective delivery policy AWS reports for a topic with none set (the HTTP defaults). */
export const DEFAULT_EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0,
      numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: "linear",
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: "text/plain; charset=UTF-8" },
  },
});

/** Finds a topic by ARN: a malformed ARN is InvalidParameter, an unknown one NotFound. */
export function findTopic(ctx: SnsContext, arn: string, label = "TopicArn"): SnsOutcome<TopicState> {
  const topic = ctx.topics.get(arn);
  if (topic !== undefined) return ok(topic);
  const parsed = parseArn(arn);
  if (parsed === undefined || parsed.service !== "sns") {
    return invalidParameter(`Invalid parameter: ${label} Reason: An ARN must have at least 6 elements, not ${arn.split(":").length}`, `${label} must look like ${topicArnOf(ctx, "orders")}.`);
  }
  return notFound("Topic does not exist", `No topic ${arn} in this sandbox (region ${ctx.region}, account ${ctx.accountId}). Create it with CreateTopicCommand and use the TopicArn it returns.`);
}

/** Validates topic attributes; `fifo` says which ones apply. Returns the canonical values. */
function checkAttribute(name: string, value: string, fifo: boolean, call: "create" | "set"): SnsOutcome<string> {
  const reason = call === "create" ? "Invalid parameter: Attributes Reason: " : "Invalid parameter: ";
  switch (name) {
    case "Policy":
      return parseTopicPolicy(value).ok ? ok(value) : parseTopicPolicy(value) as SnsOutcome<never>;
    case "ContentBasedDeduplication":
      if (!fifo) return invalidParameter(`${reason}ContentBasedDeduplication`, "ContentBasedDeduplication applies to FIFO topics only.");
      if (value !== "true" && value !== "false") return invalidParameter(`${reason}ContentBasedDeduplication`, 'Use "true" or "false".');
      return ok(value);
    case "MaximumMessageSize": {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < MESSAGE_SIZE_RANGE.min || n > MESSAGE_SIZE_RANGE.max) {
        return invalidParameter(`${reason}MaximumMessageSize`, "MaximumMessageSize is an integer from 1024 to 1048576 bytes.");
      }
      return ok(String(n));
    }
    case "DeliveryPolicy": {
      const parsed = parseDeliveryPolicy(value, "topic");
      return parsed.ok ? ok(value) : invalidParameter(`${reason}DeliveryPolicy: ${parsed.fault.message}`);
    }
    case "FifoTopic":
      if (call === "set") return invalidParameter("Invalid parameter: AttributeName", "FifoTopic can only be set when the topic is created.");
      return ok(value);
    default:
      if (!SETTABLE.has(name)) return invalidParameter(call === "create" ? `Invalid parameter: Attributes Reason: Unknown attribute ${name}` : "Invalid parameter: AttributeName");
      return ok(value);
  }
}

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

/** "Deleting a topic that doesn't exist doesn't result in an error" (API_DeleteTopic.html). */
export function deleteTopic(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<Record<string, never>> {
  const arn = required(asParams(input), "TopicArn");
  if (!arn.ok) return arn;
  const topic = ctx.topics.get(arn.value);
  if (topic === undefined) {
    const found = findTopic(ctx, arn.value);
    return !found.ok && found.fault.code === "NotFoundException" ? ok({}) : (found as SnsOutcome<never>);
  }
  const allowed = authorize(ctx, topic, caller, "SNS:DeleteTopic");
  if (!allowed.ok) return allowed;
  for (const subscription of [...topic.subscriptions]) removeSubscription(ctx, subscription);
  ctx.topics.delete(topic.arn);
  ctx.trace.record("sns", "delete-topic", topic.arn, {});
  return ok({});
}

export function listTopics(ctx: SnsContext, input: unknown): SnsOutcome<ListTopicsResponse> {
  const token = optional(asParams(input), "NextToken");
  if (!token.ok) return token;
  const arns = [...ctx.topics.keys()].sort();
  const paged = page(arns, token.value, (arn) => arn);
  if (!paged.ok) return paged;
  return ok({ Topics: paged.value.items.map((TopicArn) => ({ TopicArn })), ...(paged.value.next ? { NextToken: paged.value.next } : {}) });
}

export function getTopicAttributes(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<GetTopicAttributesResponse> {
  const arn = required(asParams(input), "TopicArn");
  if (!arn.ok) return arn;
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:GetTopicAttributes");
  if (!allowed.ok) return allowed;
  const t = topic.value;
  let confirmed = 0;
  let pending = 0;
  for (const subscription of t.subscriptions) subscription.pending ? pending++ : confirmed++;
  const attributes: Record<string, string> = {
    Policy: t.attributes.get("Policy")!,
    Owner: ctx.accountId,
    SubscriptionsPending: String(pending),
    TopicArn: t.arn,
    EffectiveDeliveryPolicy: t.attributes.get("DeliveryPolicy") ?? DEFAULT_EFFECTIVE_DELIVERY_POLICY,
    SubscriptionsConfirmed: String(confirmed),
    DisplayName: t.attributes.get("DisplayName") ?? "",
    SubscriptionsDeleted: String(t.deletedSubscriptions),
    MaximumMessageSize: t.attributes.get("MaximumMessageSize") ?? String(DEFAULT_MAXIMUM_MESSAGE_SIZE),
  };
  if (t.fifo) attributes["FifoTopic"] = "true";
  for (const [key, value] of t.attributes) if (!(key in attributes)) attributes[key] = value;
  return ok({ Attributes: attributes });
}

export function setTopicAttributes(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<Record<string, never>> {
  const params = asParams(input);
  const arn = required(params, "TopicArn");
  if (!arn.ok) return arn;
  const name = required(params, "AttributeName", "AttributeName");
  if (!name.ok) return name;
  const value = optional(params, "AttributeValue");
  if (!value.ok) return value;
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:SetTopicAttributes");
  if (!allowed.ok) return allowed;
  const text = value.value ?? "";
  const t = topic.value;
  if (name.value === "Policy" && text === "") {
    // An empty policy restores the default one (UNVERIFIED; AWS refuses an empty document).
    t.attributes.set("Policy", defaultTopicPolicy(t.arn, ctx.accountId));
    t.policy = (parseTopicPolicy(t.attributes.get("Policy")!) as { ok: true; value: typeof t.policy }).value;
  } else if (text === "" && name.value !== "DisplayName" && SETTABLE.has(name.value)) {
    t.attributes.delete(name.value);
  } else {
    const checked = checkAttribute(name.value, text, t.fifo, "set");
    if (!checked.ok) return checked;
    if (name.value === "Policy") t.policy = (parseTopicPolicy(text) as { ok: true; value: typeof t.policy }).value;
    t.attributes.set(name.value, checked.value);
  }
  ctx.trace.record("sns", "set-topic-attributes", t.arn, { name: name.value });
  return ok({});
}

function tagTarget(ctx: SnsContext, params: Readonly<Record<string, unknown>>): SnsOutcome<TopicState> {
  const arn = required(params, "ResourceArn");
  if (!arn.ok) return arn;
  const topic = ctx.topics.get(arn.value);
  if (topic === undefined) return fail("ResourceNotFoundException", "Resource does not exist", { queryCode: "ResourceNotFound", httpStatusCode: 404 });
  return ok(topic);
}

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

export function listTagsForResource(ctx: SnsContext, input: unknown): SnsOutcome<ListTagsForResourceResponse> {
  const topic = tagTarget(ctx, asParams(input));
  if (!topic.ok) return topic;
  return ok({ Tags: [...topic.value.tags].map(([Key, Value]) => ({ Key, Value })) });
}
