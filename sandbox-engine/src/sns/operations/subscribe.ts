/** Subscribe (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html). */
import { ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, optional, required, stringMap } from "../params.ts";
import { invalidParameter, PROTOCOLS, type Protocol, type SnsContext, type SubscriptionState } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { SubscribeResponse, Subscription } from "../sns-types.ts";
import { apply, checkEndpoint, parseAttributes, sendConfirmation } from "../subscriptions.ts";
import { findTopic } from "../topics.ts";

/** Values a subscription has when the attribute is not set (Get/SetSubscriptionAttributes). */
const SUBSCRIPTION_ATTRIBUTE_DEFAULTS: Readonly<Record<string, string>> = { RawMessageDelivery: "false", FilterPolicyScope: "MessageAttributes" };

export function subscribe(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<SubscribeResponse> {
  const params = asParams(input);
  const topicArn = required(params, "TopicArn");
  if (!topicArn.ok) return topicArn;
  const protocolText = required(params, "Protocol");
  if (!protocolText.ok) return protocolText;
  const endpoint = optional(params, "Endpoint");
  if (!endpoint.ok) return endpoint;
  const attributes = stringMap(params, "Attributes");
  if (!attributes.ok) return attributes;
  const topic = findTopic(ctx, topicArn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:Subscribe");
  if (!allowed.ok) return allowed;
  const protocol = protocolText.value as Protocol;
  if (!PROTOCOLS.includes(protocol)) {
    return invalidParameter(`Invalid parameter: Amazon SNS does not support this protocol string: ${protocolText.value}`, `The sandbox simulates the protocols ${PROTOCOLS.join(", ")}.`);
  }
  if (endpoint.value === undefined || endpoint.value === "") return invalidParameter("Invalid parameter: Endpoint", "Subscribe needs an Endpoint (queue ARN, function ARN, URL or email address).");
  const checked = checkEndpoint(ctx, topic.value, protocol, endpoint.value);
  if (!checked.ok) return checked;
  const existing = [...topic.value.subscriptions].find((s) => s.protocol === protocol && s.endpoint === endpoint.value);
  const parsed = parseAttributes(ctx, attributes.value, topic.value, protocol, endpoint.value, existing?.attributes ?? new Map(), "subscribe");
  if (!parsed.ok) return parsed;
  const returnArn = params["ReturnSubscriptionArn"] === true;
  if (existing !== undefined) {
    // Subscribe is idempotent for the same endpoint; different attributes are refused. An attribute given with its
    // default value (RawMessageDelivery "false", FilterPolicyScope "MessageAttributes") is no difference.
    for (const [key, value] of attributes.value) {
      const current = existing.attributes.get(key) ?? SUBSCRIPTION_ATTRIBUTE_DEFAULTS[key] ?? "";
      if (current.toLowerCase() !== value.toLowerCase() || (current !== value && key !== "RawMessageDelivery")) {
        return invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
      }
    }
    if (existing.pending) sendConfirmation(ctx, existing);
    return ok({ SubscriptionArn: existing.pending && !returnArn ? "pending confirmation" : existing.arn });
  }
  const needsConfirmation = protocol === "http" || protocol === "https" || protocol === "email" || protocol === "email-json";
  const subscription: SubscriptionState = {
    arn: `${topic.value.arn}:${ctx.random.uuid()}`,
    topic: topic.value,
    protocol,
    endpoint: endpoint.value,
    owner: ctx.accountId,
    pending: needsConfirmation,
    attributes: new Map(),
    filter: undefined,
    raw: false,
    deadLetterTargetArn: undefined,
    deleted: false,
  };
  apply(subscription, parsed.value);
  topic.value.subscriptions.add(subscription);
  ctx.subscriptions.set(subscription.arn, subscription);
  ctx.trace.record("sns", "subscribe", topic.value.arn, { subscription: subscription.arn, protocol, endpoint: endpoint.value, pending: needsConfirmation });
  if (needsConfirmation) sendConfirmation(ctx, subscription);
  return ok({ SubscriptionArn: needsConfirmation && !returnArn ? "pending confirmation" : subscription.arn });
}
