/**
 * Delivering one message to one subscription, with retries on the virtual clock and then the
 * subscription's dead-letter queue (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html).
 *
 * An attempt ends in one of three ways:
 * - delivered;
 * - a client-side error (the queue or function is gone, its policy refuses SNS, an HTTP 4xx): "Amazon
 *   SNS doesn't retry the message delivery that fails as a result of a client-side error" - the
 *   message goes straight to the DLQ (or is discarded);
 * - a server-side error (HTTP 5xx, no answer, a throttled Lambda service): retried by the protocol's
 *   delivery policy (retry-policy.ts), then DLQ or discard.
 * SQS and email deliveries happen synchronously inside Publish (a receive right after a publish sees
 * the message); HTTP handlers and Lambda invocations are awaited as their promises settle.
 */
import type { MessageAttributeValue } from "../../sqs/sqs-types.ts";
import type { SnsContext, SnsHttpRequest, SnsHttpResponse, SubscriptionState } from "../sns-context.ts";
import { arnName } from "../sns-context.ts";
import { lambdaEvent, messageFor, notificationJson, type PublishedMessage } from "./message.ts";
import {
  DEFAULT_HTTP_RETRY_POLICY,
  EMAIL_RETRY_POLICY,
  MANAGED_RETRY_POLICY,
  parseDeliveryPolicy,
  retryDelayMs,
  type RetryPolicy,
} from "./retry-policy.ts";
import { sendToQueueAsSns } from "./sqs-target.ts";

export type AttemptResult =
  | { readonly kind: "delivered"; readonly detail?: string }
  | { readonly kind: "client-error"; readonly reason: string }
  | { readonly kind: "server-error"; readonly reason: string };

interface Job {
  readonly subscription: SubscriptionState;
  readonly message: PublishedMessage;
  attempts: number;
}

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

/** Starts delivering `message` to `subscription` (first attempt now). */
export function deliver(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage): void {
  attempt(ctx, { subscription, message, attempts: 0 });
}

function attempt(ctx: SnsContext, job: Job): void {
  if (job.subscription.deleted) return;
  job.attempts += 1;
  let result: AttemptResult | Promise<AttemptResult>;
  try {
    result = attemptOnce(ctx, job.subscription, job.message);
  } catch (error) {
    result = { kind: "server-error", reason: `the sandbox failed: ${String(error)}` };
  }
  if (result instanceof Promise) {
    result.then(
      (settled) => settle(ctx, job, settled),
      (error: unknown) => settle(ctx, job, { kind: "server-error", reason: String(error) }),
    );
  } else {
    settle(ctx, job, result);
  }
}

function settle(ctx: SnsContext, job: Job, result: AttemptResult): void {
  const { subscription, message } = job;
  const base = { subscription: subscription.arn, messageId: message.messageId, protocol: subscription.protocol, endpoint: subscription.endpoint, attempt: job.attempts };
  if (result.kind === "delivered") {
    ctx.trace.record("sns", "delivered", message.topic.arn, { ...base, ...(result.detail === undefined ? {} : { detail: result.detail }) });
    return;
  }
  const retryable = result.kind === "server-error";
  ctx.trace.record("sns", "delivery-failed", message.topic.arn, { ...base, reason: result.reason, retryable });
  if (retryable && !subscription.deleted) {
    const delay = retryDelayMs(retryPolicyFor(subscription), job.attempts);
    if (delay !== undefined) {
      ctx.trace.record("sns", "delivery-retry-scheduled", message.topic.arn, { ...base, inMs: delay });
      ctx.clock.setTimer(() => attempt(ctx, job), delay);
      return;
    }
  }
  deadLetter(ctx, job, result.reason);
}

/** Moves the message to the subscription's DLQ (an SQS queue whose policy must allow SNS), or discards it. */
function deadLetter(ctx: SnsContext, job: Job, reason: string): void {
  const { subscription, message } = job;
  const base = { subscription: subscription.arn, messageId: message.messageId, reason, attempts: job.attempts };
  const dlq = subscription.deadLetterTargetArn;
  if (dlq === undefined) {
    ctx.trace.record("sns", "discarded", message.topic.arn, base);
    return;
  }
  // The DLQ receives the message as the subscriber would have (UNVERIFIED for raw delivery).
  const sent = sendToQueueAsSns(ctx, message.topic, dlq, {
    body: subscription.raw ? messageFor(message, subscription.protocol) : notificationJson(ctx, message, subscription),
    attributes: subscription.raw ? sqsAttributes(message) : undefined,
    groupId: message.groupId,
    deduplicationId: message.deduplicationId,
  });
  if (sent.ok) ctx.trace.record("sns", "dead-letter", message.topic.arn, { ...base, deadLetterQueue: dlq });
  else ctx.trace.record("sns", "discarded", message.topic.arn, { ...base, deadLetterQueue: dlq, deadLetterFailure: sent.reason });
}

/** Raw delivery to SQS: SNS message attributes become SQS message attributes of the same types. */
export function sqsAttributes(message: PublishedMessage): Record<string, MessageAttributeValue> | undefined {
  if (message.attributes.size === 0) return undefined;
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, attribute] of message.attributes) {
    out[name] = attribute.binary !== undefined ? { DataType: attribute.type, BinaryValue: attribute.binary } : { DataType: attribute.type, StringValue: attribute.value };
  }
  return out;
}

function attemptOnce(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage): AttemptResult | Promise<AttemptResult> {
  switch (subscription.protocol) {
    case "sqs": {
      const sent = sendToQueueAsSns(ctx, message.topic, subscription.endpoint, {
        body: subscription.raw ? messageFor(message, "sqs") : notificationJson(ctx, message, subscription),
        attributes: subscription.raw ? sqsAttributes(message) : undefined,
        groupId: message.groupId,
        deduplicationId: message.deduplicationId,
      });
      return sent.ok ? { kind: "delivered", detail: `SQS message ${sent.messageId}` } : { kind: "client-error", reason: sent.reason };
    }
    case "lambda":
      return invokeLambda(ctx, subscription, message);
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
      deliverEmail(ctx, subscription.endpoint, {
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

async function invokeLambda(ctx: SnsContext, subscription: SubscriptionState, message: PublishedMessage): Promise<AttemptResult> {
  const invoker = ctx.lambda.invoker;
  if (invoker === undefined) return { kind: "client-error", reason: `function ${arnName(subscription.endpoint)} cannot be invoked: this sandbox has no Lambda service` };
  const result = await invoker.invokeAsync({
    functionArn: subscription.endpoint,
    event: lambdaEvent(ctx, message, subscription),
    sourceArn: message.topic.arn,
    sourceAccount: ctx.accountId,
  });
  if (result.status === "accepted") return { kind: "delivered", detail: "invoked asynchronously" };
  return { kind: result.status, reason: result.reason };
}

function statusOf(response: SnsHttpResponse): number {
  if (response === undefined || response === null) return 200;
  if (typeof response === "number") return response;
  if (typeof response === "object") {
    const status = response.status ?? response.statusCode;
    if (typeof status === "number") return status;
  }
  return 200;
}

/**
 * POSTs to a simulated endpoint. "If the endpoint returns a status outside 200-4xx or times out,
 * SNS retries" (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html): 2xx is
 * delivered, 4xx a client-side error (not retried), anything else or no handler a server-side error.
 */
export async function postHttp(ctx: SnsContext, url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const request: SnsHttpRequest = Object.freeze({
    method: "POST",
    url,
    headers: Object.freeze({
      "content-type": "text/plain; charset=UTF-8",
      "user-agent": "Amazon Simple Notification Service Agent",
      ...headers,
    }),
    body,
  });
  const handler = ctx.httpHandlers.get(url);
  const time = ctx.clock.now();
  if (handler === undefined) {
    ctx.httpLog.push({ time, request, status: undefined });
    return { kind: "server-error", reason: `nothing answers at ${url} (register a handler with sb.sns.http.register(url, handler))` };
  }
  let status: number;
  try {
    status = statusOf(await handler(request));
  } catch (error) {
    ctx.httpLog.push({ time, request, status: undefined });
    return { kind: "server-error", reason: `the handler at ${url} threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  ctx.httpLog.push({ time, request, status });
  if (status >= 200 && status < 300) return { kind: "delivered", detail: `HTTP ${status}` };
  if (status >= 400 && status < 500) return { kind: "client-error", reason: `${url} answered HTTP ${status} (SNS does not retry 4xx answers)` };
  return { kind: "server-error", reason: `${url} answered HTTP ${status}` };
}

export function deliverEmail(
  ctx: SnsContext,
  address: string,
  mail: { subject: string; body: string; type: "SubscriptionConfirmation" | "Notification"; topicArn: string; subscribeUrl?: string },
): void {
  const key = address.toLowerCase();
  let box = ctx.mailboxes.get(key);
  if (box === undefined) ctx.mailboxes.set(key, (box = []));
  box.push(Object.freeze({ time: ctx.clock.now(), from: "no-reply@sns.amazonaws.com", to: address, ...mail }));
}
