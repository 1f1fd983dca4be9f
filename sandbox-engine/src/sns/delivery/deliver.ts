/**
 * Delivering one message to one subscription, with retries on the virtual clock and then the
 * subscription's dead-letter queue (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html).
 *
 * An attempt ends in one of three ways:
 * - delivered (for HTTP/S also a 4xx answer, which SNS does not count as a failed attempt: see postHttp);
 * - a client-side error, which "happen[s] when Amazon SNS has stale subscription metadata": the endpoint
 *   was deleted (the queue or function is gone) or its policy no longer lets SNS deliver. "Amazon SNS
 *   doesn't retry the message delivery that fails as a result of a client-side error" - the message goes
 *   straight to the DLQ (or is discarded);
 * - a server-side error (HTTP 5xx or another status outside 200-4xx, no answer within 15 s, nothing
 *   listening, a throttled Lambda service): retried by the protocol's delivery policy (retry-policy.ts),
 *   then DLQ or discard.
 * SQS and email deliveries happen synchronously inside Publish (a receive right after a publish sees
 * the message); HTTP handlers and Lambda invocations are awaited as their promises settle.
 * SQS queues and Lambda functions are reached through the sandbox's delivery router as the service
 * principal sns.amazonaws.com: the queue (its queue policy) or the function (its resource-based
 * policy) decides whether SNS may deliver. Mail and HTTP go to `sb.world`.
 */
import type { DeliveryAttribute, DeliveryOutcome, DeliveryPayload, DeliverySource } from "../../core/delivery.ts";
import { compactType } from "../../trace/trace.ts";
import type { SnsContext, SubscriptionState, TopicState } from "../sns-context.ts";
import { lambdaEvent, messageFor, notificationJson, type PublishedMessage } from "./message.ts";
import {
  DEFAULT_HTTP_RETRY_POLICY,
  EMAIL_RETRY_POLICY,
  MANAGED_RETRY_POLICY,
  parseDeliveryPolicy,
  retryDelayMs,
  type RetryPolicy,
} from "./retry-policy.ts";

export type AttemptResult =
  | { readonly kind: "delivered"; readonly detail?: string }
  | { readonly kind: "client-error"; readonly reason: string }
  | { readonly kind: "server-error"; readonly reason: string };

interface Job {
  readonly subscription: SubscriptionState;
  readonly message: PublishedMessage;
  attempts: number;
  /** Trace seq of what started the next attempt: the publish, then each retry's scheduling. */
  cause: number;
}

/** Recorded on every attempt, so compactly: subscription, messageId, attempt. */
const DELIVER = compactType("sns", "deliver", (subscription, messageId, attempt) => ({ subscription, messageId, attempt }));

export function retryPolicyFor(subscription: SubscriptionState): RetryPolicy {
  switch (subscription.protocol) {
    case "sqs":
    case "lambda":
      return MANAGED_RETRY_POLICY;
    case "email":
    case "email-json":
      return EMAIL_RETRY_POLICY;
    default: {
      for (const [text, level] of [
        [subscription.attributes.get("DeliveryPolicy"), "subscription"],
        [subscription.topic.attributes.get("DeliveryPolicy"), "topic"],
      ] as const) {
        if (text === undefined) continue;
        const parsed = parseDeliveryPolicy(text, level);
        if (parsed.ok && parsed.value !== undefined) return parsed.value;
      }
      return DEFAULT_HTTP_RETRY_POLICY;
    }
  }
}

/** Starts delivering `message` to `subscription` (first attempt now); `cause` is the publish's trace seq. */
export function deliver(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage, cause = -1): void {
  attempt(ctx, { subscription, message, attempts: 0, cause });
}

function attempt(ctx: SnsContext, job: Job): void {
  if (job.subscription.deleted) return;
  job.attempts += 1;
  const seq = ctx.trace.recordCompact(DELIVER, job.message.topic.arn, job.subscription.arn, job.message.messageId, job.attempts, 0, job.cause);
  let result: AttemptResult | Promise<AttemptResult>;
  try {
    result = attemptOnce(ctx, job.subscription, job.message, seq);
  } catch (error) {
    result = { kind: "server-error", reason: `the sandbox failed: ${String(error)}` };
  }
  if (result instanceof Promise) {
    result.then(
      (settled) => settle(ctx, job, settled, seq),
      (error: unknown) => settle(ctx, job, { kind: "server-error", reason: String(error) }, seq),
    );
  } else {
    settle(ctx, job, result, seq);
  }
}

function settle(ctx: SnsContext, job: Job, result: AttemptResult, attemptSeq: number): void {
  const { subscription, message } = job;
  const base = { subscription: subscription.arn, messageId: message.messageId, protocol: subscription.protocol, endpoint: subscription.endpoint, attempt: job.attempts };
  if (result.kind === "delivered") {
    ctx.usage.delivered[subscription.protocol] += 1;
    ctx.trace.record("sns", "delivered", message.topic.arn, { ...base, ...(result.detail === undefined ? {} : { detail: result.detail }) }, attemptSeq);
    return;
  }
  const retryable = result.kind === "server-error";
  const failed = ctx.trace.record("sns", "delivery-failed", message.topic.arn, { ...base, reason: result.reason, retryable }, attemptSeq);
  if (retryable && !subscription.deleted) {
    const delay = retryDelayMs(retryPolicyFor(subscription), job.attempts);
    if (delay !== undefined) {
      job.cause = ctx.trace.record("sns", "delivery-retry-scheduled", message.topic.arn, { ...base, inMs: delay }, failed.seq).seq;
      ctx.clock.setTimer(() => attempt(ctx, job), delay);
      return;
    }
  }
  deadLetter(ctx, job, result.reason, failed.seq);
}

/** Moves the message to the subscription's DLQ (an SQS queue whose policy must allow SNS), or discards it. */
function deadLetter(ctx: SnsContext, job: Job, reason: string, cause: number): void {
  const { subscription, message } = job;
  const base = { subscription: subscription.arn, messageId: message.messageId, reason, attempts: job.attempts };
  const dlq = subscription.deadLetterTargetArn;
  if (dlq === undefined) {
    ctx.trace.record("sns", "discarded", message.topic.arn, base, cause);
    return;
  }
  // The DLQ receives the message as the subscriber would have (UNVERIFIED for raw delivery:
  // sns-dead-letter-queues.html does not say, and no AWS-recorded DLQ message of a raw subscription was found). Only an SQS
  // queue can be a subscription DLQ, and it answers synchronously.
  const sent = /^arn:[^:]+:sqs:/.test(dlq)
    ? ctx.targets.deliver(dlq, sqsPayload(ctx, message, subscription, dlq), snsSource(ctx, message.topic, cause))
    : ({ status: "rejected", reason: `${dlq} is not an SQS queue` } as const);
  if (sent instanceof Promise) return; // unreachable: SQS answers synchronously
  if (sent.status === "delivered") ctx.trace.record("sns", "dead-letter", message.topic.arn, { ...base, deadLetterQueue: dlq }, cause);
  else ctx.trace.record("sns", "discarded", message.topic.arn, { ...base, deadLetterQueue: dlq, deadLetterFailure: sent.reason }, cause);
}

/** SNS as the sender of a delivery: the service principal, with the topic as aws:SourceArn. */
function snsSource(ctx: SnsContext, topic: TopicState, cause: number): DeliverySource {
  return { principal: { type: "Service", service: "sns.amazonaws.com" }, sourceArn: topic.arn, sourceAccount: ctx.accountId, cause, label: `topic ${topic.name}` };
}

/**
 * What an SQS queue receives: the JSON notification, or with RawMessageDelivery the message and its attributes.
 * The group and deduplication ids go to FIFO queues of a FIFO topic; a standard topic's MessageGroupId goes to its
 * (standard) queues for fair queueing; a FIFO topic passes none to a standard queue (API_Publish.html,
 * fifo-message-grouping.html). `queueArn`: the receiving queue (the subscribed one, or the DLQ).
 */
function sqsPayload(ctx: SnsContext, message: PublishedMessage, subscription: SubscriptionState, queueArn: string): DeliveryPayload {
  const fifoQueue = queueArn.endsWith(".fifo");
  const ids = message.topic.fifo
    ? (fifoQueue ? { groupId: message.groupId, deduplicationId: message.deduplicationId } : {})
    : { groupId: message.groupId };
  return {
    body: subscription.raw ? messageFor(message, "sqs") : notificationJson(ctx, message, subscription),
    attributes: subscription.raw ? sqsAttributes(message) : undefined,
    ...ids,
  };
}

/** A router answer as an attempt result: refusals and rejections are client-side, failures and throttling server-side. */
function attemptResult(outcome: DeliveryOutcome): AttemptResult {
  switch (outcome.status) {
    case "delivered":
      return outcome.detail === undefined ? { kind: "delivered" } : { kind: "delivered", detail: outcome.detail };
    case "refused":
    case "rejected":
      return { kind: "client-error", reason: outcome.reason };
    case "failed":
    case "throttled":
      return { kind: "server-error", reason: outcome.reason };
  }
}

/** Raw delivery to SQS: SNS message attributes become SQS message attributes of the same types. */
export function sqsAttributes(message: PublishedMessage): Record<string, DeliveryAttribute> | undefined {
  if (message.attributes.size === 0) return undefined;
  const out: Record<string, DeliveryAttribute> = {};
  for (const [name, attribute] of message.attributes) {
    out[name] = attribute.binary !== undefined ? { DataType: attribute.type, BinaryValue: attribute.binary } : { DataType: attribute.type, StringValue: attribute.value };
  }
  return out;
}

function attemptOnce(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage, cause: number): AttemptResult | Promise<AttemptResult> {
  switch (subscription.protocol) {
    case "sqs": {
      const sent = ctx.targets.deliver(subscription.endpoint, sqsPayload(ctx, message, subscription, subscription.endpoint), snsSource(ctx, message.topic, cause));
      return sent instanceof Promise ? sent.then(attemptResult) : attemptResult(sent);
    }
    case "lambda":
      return invokeLambda(ctx, subscription, message, cause);
    case "http":
    case "https": {
      const raw = subscription.raw;
      return postHttp(ctx, subscription.endpoint, {
        "x-amz-sns-message-type": "Notification",
        "x-amz-sns-message-id": message.messageId,
        "x-amz-sns-topic-arn": message.topic.arn,
        "x-amz-sns-subscription-arn": subscription.arn,
        ...(raw ? { "x-amz-sns-rawdelivery": "true" } : {}),
      }, raw ? messageFor(message, subscription.protocol) : notificationJson(ctx, message, subscription));
    }
    case "email":
    case "email-json": {
      const json = subscription.protocol === "email-json";
      const text = messageFor(message, subscription.protocol);
      deliverEmail(ctx, subscription.endpoint, message.messageId, {
        subject: message.subject ?? message.topic.attributes.get("DisplayName") ?? "AWS Notification Message",
        body: json
          ? notificationJson(ctx, message, subscription)
          : `${text}\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n${`https://sns.${ctx.region}.amazonaws.com/unsubscribe.html?SubscriptionArn=${subscription.arn}`}`,
        type: "Notification",
        topicArn: message.topic.arn,
      });
      return { kind: "delivered" };
    }
  }
}

/** SNS invokes functions asynchronously (AWS-FACTS C.3 item 16), through the router unless a test replaced the invoker. */
async function invokeLambda(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage, cause: number): Promise<AttemptResult> {
  const invoker = ctx.lambda.invoker;
  if (invoker === undefined) {
    const event = lambdaEvent(ctx, message, subscription);
    return attemptResult(await ctx.targets.deliver(subscription.endpoint, { body: "", event }, snsSource(ctx, message.topic, cause)));
  }
  const result = await invoker.invokeAsync({
    functionArn: subscription.endpoint,
    event: lambdaEvent(ctx, message, subscription),
    sourceArn: message.topic.arn,
    sourceAccount: ctx.accountId,
  });
  if (result.status === "accepted") return { kind: "delivered", detail: "invoked asynchronously" };
  return { kind: result.status, reason: result.reason };
}

/** How long SNS waits for an HTTP/S endpoint's answer before it counts the attempt as failed (SendMessageToHttp.prepare.html). */
export const HTTP_RESPONSE_TIMEOUT_MS = 15_000;

/**
 * POSTs to a simulated endpoint (sb.world.http). "If the HTTP status code is outside the range of 200-4xx,
 * or if the endpoint takes longer than 15 seconds to respond, Amazon SNS considers the message delivery
 * attempt failed" (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html). So 2xx is
 * delivered; a 4xx is no failed attempt either: SNS neither retries it nor moves it to the DLQ (it is
 * traced as `delivered` with the status, so a webhook that wants a retry must answer 5xx); 5xx, 1xx,
 * 3xx, no answer within 15 s of virtual time, nothing listening or a handler that throws are failed
 * attempts, retried by the delivery policy. AWS's "client-side errors" (a deleted endpoint, a policy
 * refusing SNS) do not arise for an HTTP URL: SNS cannot tell a deleted web server from an unreachable one.
 */
export async function postHttp(ctx: SnsContext, url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const request = ctx.world.http.request(Object.freeze({
    method: "POST",
    url,
    headers: Object.freeze({
      "content-type": "text/plain; charset=UTF-8",
      "user-agent": "Amazon Simple Notification Service Agent",
      ...headers,
    }),
    body,
  }));
  let timeOut: () => void = () => {};
  const timedOut = new Promise<"timeout">((resolve) => (timeOut = () => resolve("timeout")));
  const timer = ctx.clock.setTimer(() => timeOut(), HTTP_RESPONSE_TIMEOUT_MS);
  const answer = await Promise.race([request, timedOut]);
  if (answer === "timeout") return { kind: "server-error", reason: `${url} did not answer within 15 seconds` };
  ctx.clock.clearTimer(timer);
  const { status } = answer;
  if (status === undefined) return { kind: "server-error", reason: "reason" in answer ? answer.reason : `nothing answers at ${url}` };
  if (status >= 200 && status < 300) return { kind: "delivered", detail: `HTTP ${status}` };
  if (status >= 400 && status < 500) {
    return { kind: "delivered", detail: `HTTP ${status}: SNS counts a 4xx answer as no failed attempt, so it neither retries it nor moves it to a dead-letter queue (answer 5xx to be retried)` };
  }
  return { kind: "server-error", reason: `${url} answered HTTP ${status}` };
}

/** Sends an email from SNS to `address` (sb.world.mailbox); the headers say what it is and which topic sent it. */
export function deliverEmail(
  ctx: SnsContext,
  address: string,
  messageId: string,
  mail: { subject: string; body: string; type: "SubscriptionConfirmation" | "Notification"; topicArn: string },
): void {
  ctx.world.sendMail({
    from: "no-reply@sns.amazonaws.com",
    to: [address],
    cc: [],
    subject: mail.subject,
    text: mail.body,
    html: undefined,
    headers: { "x-amz-sns-message-type": mail.type, "x-amz-sns-topic-arn": mail.topicArn },
    messageId: `${messageId}@sns.${ctx.region}.amazonaws.com`,
    receivedAt: ctx.clock.now(),
  });
}
