/**
 * What the subscription operations (operations/subscribe.ts, confirm-subscription.ts, ...) share:
 * endpoint and attribute checks, confirmations, lookups (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html
 * and neighbours). SQS and Lambda subscriptions of the same account are confirmed at once; HTTP/S and
 * email subscriptions wait for confirmation (a token valid for 2 days, sent to the endpoint).
 * Error texts: AWS's as recorded by LocalStack's validated tests where known, else marked.
 */
import { ok } from "../core/outcome.ts";
import { parseArn } from "../core/arn.ts";
import { confirmationJson, subscribeUrl } from "./delivery/message.ts";
import { deliverEmail, postHttp } from "./delivery/deliver.ts";
import { parseDeliveryPolicy } from "./delivery/retry-policy.ts";
import { compileFilterPolicy, type CompiledFilterPolicy, type FilterPolicyCall, type FilterPolicyScope } from "./filter-policy/index.ts";
import { page } from "./params.ts";
import { DEFAULT_MAXIMUM_MESSAGE_SIZE } from "./topics.ts";
import { invalidParameter, notFound, type Protocol, type SnsContext, type SubscriptionState, type TopicState } from "./sns-context.ts";
import type { Subscription } from "./sns-types.ts";
import type { SnsOutcome } from "./sns-faults.ts";

/**
 * How long a SubscriptionConfirmation token can be used. The current Subscribe API reference says "Confirmation
 * tokens are valid for two days" (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html); older SDK docs
 * said three, and the current page wins.
 */
export const TOKEN_VALIDITY_MS = 2 * 24 * 60 * 60 * 1000;
const ATTRIBUTE_NAMES = new Set(["DeliveryPolicy", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy"]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Call = "subscribe" | "set-attributes";
const prefixOf = (call: Call) => (call === "subscribe" ? "Invalid parameter: Attributes Reason: " : "Invalid parameter: ");

/** Endpoint checks per protocol. */
export function checkEndpoint(ctx: SnsContext, topic: TopicState, protocol: Protocol, endpoint: string): SnsOutcome<true> {
  switch (protocol) {
    case "http":
    case "https":
      if (!endpoint.startsWith(`${protocol}://`)) return invalidParameter("Invalid parameter: Endpoint must match the specified protocol", `A ${protocol} subscription needs an endpoint starting with ${protocol}://.`);
      break;
    case "email":
    case "email-json":
      if (!EMAIL.test(endpoint)) return invalidParameter("Invalid parameter: Email address", `"${endpoint}" is not an email address.`);
      break;
    case "sqs": {
      const arn = parseArn(endpoint);
      if (arn === undefined || arn.service !== "sqs") return invalidParameter("Invalid parameter: SQS endpoint ARN", `The endpoint of an sqs subscription is the queue ARN (arn:aws:sqs:${ctx.region}:${ctx.accountId}:orders), not its URL.`);
      break;
    }
    case "lambda": {
      const arn = parseArn(endpoint);
      // Wording UNVERIFIED (AWS checks the ARN; LocalStack does not, so its AWS-recorded snapshots hold no text for it).
      if (arn === undefined || arn.service !== "lambda" || !arn.resource.startsWith("function:")) {
        return invalidParameter("Invalid parameter: Lambda endpoint ARN", `The endpoint of a lambda subscription is the function ARN (arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:my-function).`);
      }
      break;
    }
  }
  const queueIsFifo = protocol === "sqs" && endpoint.endsWith(".fifo");
  if (queueIsFifo && !topic.fifo) {
    return invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics");
  }
  // A FIFO topic also delivers to standard queues, without the group's ordering, group id or deduplication id
  // (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html: "Message group ID is not passed to
  // Amazon SQS standard queues"; https://docs.aws.amazon.com/sns/latest/dg/sns-fifo-topics.html).
  const size = Number(topic.attributes.get("MaximumMessageSize") ?? DEFAULT_MAXIMUM_MESSAGE_SIZE);
  if (size > DEFAULT_MAXIMUM_MESSAGE_SIZE && protocol !== "sqs" && protocol !== "lambda") {
    // large-message-payloads.html: above 256 KiB only Firehose, SQS and Lambda endpoints are supported.
    return invalidParameter("Invalid parameter: Endpoint Reason: Topics with MaximumMessageSize above 262144 support only SQS, Lambda and Firehose subscriptions"); // wording UNVERIFIED (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text)
  }
  return ok(true);
}

interface ParsedSubscriptionAttributes {
  values: Map<string, string>;
  filter: CompiledFilterPolicy | undefined | null; // null = removed
  raw: boolean | undefined;
  deadLetterTargetArn: string | undefined | null;
}

/**
 * Validates attributes for a subscription (new or existing). `current` gives the values that are not
 * being changed (the scope a new FilterPolicy is checked against, and vice versa).
 */
export function parseAttributes(
  ctx: SnsContext,
  given: Map<string, string>,
  topic: TopicState,
  protocol: Protocol,
  endpoint: string,
  current: ReadonlyMap<string, string>,
  call: Call,
): SnsOutcome<ParsedSubscriptionAttributes> {
  const prefix = prefixOf(call);
  const out: ParsedSubscriptionAttributes = { values: new Map(), filter: undefined, raw: undefined, deadLetterTargetArn: undefined };
  for (const name of given.keys()) if (!ATTRIBUTE_NAMES.has(name)) return invalidParameter(`${prefix}AttributeName`, `Subscription attributes are ${[...ATTRIBUTE_NAMES].join(", ")}; got "${name}".`);
  const scopeText = given.get("FilterPolicyScope");
  if (scopeText !== undefined && scopeText !== "MessageAttributes" && scopeText !== "MessageBody") {
    return invalidParameter(`${prefix}FilterPolicyScope: Invalid value [${scopeText}]. Please use either MessageBody or MessageAttributes`);
  }
  const scope = (scopeText ?? current.get("FilterPolicyScope") ?? "MessageAttributes") as FilterPolicyScope;
  const policyText = given.get("FilterPolicy") ?? (scopeText !== undefined ? current.get("FilterPolicy") : undefined);
  if (policyText !== undefined) {
    if (policyText === "") out.filter = null;
    else {
      const compiled = compileFilterPolicy(policyText, scope, call as FilterPolicyCall);
      if (!compiled.ok) return compiled;
      out.filter = compiled.value;
    }
  }
  const raw = given.get("RawMessageDelivery");
  if (raw !== undefined) {
    if (raw.toLowerCase() !== "true" && raw.toLowerCase() !== "false") {
      return invalidParameter(`${prefix}RawMessageDelivery: Invalid value [${raw}]. Must be true or false.`);
    }
    if (!["sqs", "http", "https"].includes(protocol) && raw.toLowerCase() === "true") {
      // Raw delivery exists for SQS, HTTP/S and Firehose only (sns-large-payload-raw-message-delivery.html); wording UNVERIFIED
      // (searched the SNS docs and LocalStack's AWS-recorded test_sns snapshots: no recorded sample of this text).
      return invalidParameter(`${prefix}Delivery protocol [${protocol}] does not support raw message delivery.`);
    }
    out.raw = raw.toLowerCase() === "true";
    given.set("RawMessageDelivery", raw.toLowerCase());
  }
  const redrive = given.get("RedrivePolicy");
  if (redrive !== undefined) {
    if (redrive === "") out.deadLetterTargetArn = null;
    else {
      let target: unknown;
      try {
        target = (JSON.parse(redrive) as Record<string, unknown> | null)?.["deadLetterTargetArn"];
      } catch {
        return invalidParameter(`${prefix}RedrivePolicy: failed to parse JSON.`);
      }
      const arn = typeof target === "string" ? parseArn(target) : undefined;
      if (arn === undefined || arn.service !== "sqs") return invalidParameter(`${prefix}RedrivePolicy: deadLetterTargetArn is an invalid arn`, 'Use { "deadLetterTargetArn": "arn:aws:sqs:...:my-dlq" }.');
      // "FIFO topic subscriptions use FIFO queues, and standard topic subscriptions use standard queues"
      // (sns-dead-letter-queues.html): the rule is for a FIFO queue subscribed to a FIFO topic.
      if (topic.fifo && endpoint.endsWith(".fifo") && !(target as string).endsWith(".fifo")) {
        return invalidParameter(`${prefix}RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.`);
      }
      out.deadLetterTargetArn = target as string;
    }
  }
  const delivery = given.get("DeliveryPolicy");
  if (delivery !== undefined && delivery !== "") {
    const parsed = parseDeliveryPolicy(delivery, "subscription");
    if (!parsed.ok) return invalidParameter(`${prefix}${parsed.fault.message}`);
  }
  void endpoint;
  void ctx;
  out.values = given;
  return ok(out);
}

export function apply(subscription: SubscriptionState, parsed: ParsedSubscriptionAttributes): void {
  for (const [key, value] of parsed.values) {
    if (value === "" && key !== "FilterPolicyScope") subscription.attributes.delete(key);
    else subscription.attributes.set(key, value);
  }
  if (parsed.filter !== undefined) subscription.filter = parsed.filter ?? undefined;
  else if (parsed.values.has("FilterPolicyScope") && subscription.filter !== undefined) {
    subscription.filter = { ...subscription.filter, scope: parsed.values.get("FilterPolicyScope") as FilterPolicyScope };
  }
  if (parsed.raw !== undefined) subscription.raw = parsed.raw;
  if (parsed.deadLetterTargetArn !== undefined) subscription.deadLetterTargetArn = parsed.deadLetterTargetArn ?? undefined;
}

/** Sends the SubscriptionConfirmation (HTTP/S) or the confirmation email, with a fresh 2-day token. */
export function sendConfirmation(ctx: SnsContext, subscription: SubscriptionState): void {
  const token = ctx.random.hex(256);
  ctx.tokens.set(token, { subscriptionArn: subscription.arn, expiresAt: ctx.clock.now() + TOKEN_VALIDITY_MS });
  const topic = subscription.topic;
  const messageId = ctx.random.uuid();
  const url = subscribeUrl(ctx, topic.arn, token);
  ctx.trace.record("sns", "confirmation-sent", topic.arn, { subscription: subscription.arn, endpoint: subscription.endpoint });
  if (subscription.protocol === "http" || subscription.protocol === "https") {
    // One attempt; the answer does not matter: the endpoint confirms by visiting SubscribeURL.
    void postHttp(ctx, subscription.endpoint, {
      "x-amz-sns-message-type": "SubscriptionConfirmation",
      "x-amz-sns-message-id": messageId,
      "x-amz-sns-topic-arn": topic.arn,
    }, confirmationJson(ctx, topic, token, messageId));
  } else {
    const name = topic.attributes.get("DisplayName") || topic.name;
    deliverEmail(ctx, subscription.endpoint, messageId, {
      subject: "AWS Notification - Subscription Confirmation",
      body: subscription.protocol === "email-json"
        ? confirmationJson(ctx, topic, token, messageId)
        : `You have chosen to subscribe to the topic:\n${topic.arn}\n\nTo confirm this subscription, click or visit the link below (If this was in error no action is necessary):\n${url}\n\n(sent on behalf of ${name})`,
      type: "SubscriptionConfirmation",
      topicArn: topic.arn,
    });
  }
}

export function summary(subscription: SubscriptionState): Subscription {
  return {
    SubscriptionArn: subscription.pending ? "PendingConfirmation" : subscription.arn,
    Owner: subscription.owner,
    Protocol: subscription.protocol,
    Endpoint: subscription.endpoint,
    TopicArn: subscription.topic.arn,
  };
}

export function findSubscription(ctx: SnsContext, arn: string): SnsOutcome<SubscriptionState> {
  const subscription = ctx.subscriptions.get(arn);
  if (subscription !== undefined) return ok(subscription);
  if (arn.split(":").length < 6) return invalidParameter(`Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not ${arn.split(":").length}`);
  return notFound("Subscription does not exist", "Use the SubscriptionArn that Subscribe returned (ReturnSubscriptionArn: true for pending ones).");
}

