/**
 * What the topic operations (operations/*-topic*.ts, tags) share: names, attribute checks and defaults, and
 * finding a topic (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html and neighbours).
 */
import { fail, ok } from "../core/outcome.ts";
import { parseTopicPolicy } from "./access.ts";
import { parseDeliveryPolicy } from "./delivery/retry-policy.ts";
import { required } from "./params.ts";
import { parseArn } from "../core/arn.ts";
import { invalidParameter, notFound, topicArnOf, type SnsContext, type TopicState } from "./sns-context.ts";
import type { SnsOutcome } from "./sns-faults.ts";

export const NAME = /^[A-Za-z0-9_-]{1,256}$/;
export const FIFO_NAME = /^[A-Za-z0-9_-]{1,251}\.fifo$/;
/** Default and range of MaximumMessageSize (https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html). */
export const DEFAULT_MAXIMUM_MESSAGE_SIZE = 262_144;
const MESSAGE_SIZE_RANGE = { min: 1024, max: 1_048_576 };
/** "FifoTopic" is create-only; these may be set (API_SetTopicAttributes.html). */
export const SETTABLE = new Set([
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
export function checkAttribute(name: string, value: string, fifo: boolean, call: "create" | "set"): SnsOutcome<string> {
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

export function tagTarget(ctx: SnsContext, params: Readonly<Record<string, unknown>>): SnsOutcome<TopicState> {
  const arn = required(params, "ResourceArn");
  if (!arn.ok) return arn;
  const topic = ctx.topics.get(arn.value);
  if (topic === undefined) return fail("ResourceNotFoundException", "Resource does not exist", { queryCode: "ResourceNotFound", httpStatusCode: 404 });
  return ok(topic);
}

