/**
 * What every SNS operation works on: topics, subscriptions, confirmation tokens, the simulated
 * HTTP endpoints and mailboxes of one sandbox, plus its clock, randomness, trace and SQS service.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import { fail } from "../core/outcome.ts";
import type { Caller, ParseResult, PolicyDocument } from "../iam/index.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { DeliveryTargets } from "../core/delivery.ts";
import type { Trace } from "../trace/trace.ts";
import type { World, WorldHttpHandler, WorldHttpRequest, WorldHttpResponse } from "../world/world.ts";
import type { CompiledFilterPolicy } from "./filter-policy/index.ts";
import type { LambdaInvoker } from "./lambda-invoker.ts";

export type Protocol = "sqs" | "lambda" | "http" | "https" | "email" | "email-json";
export const PROTOCOLS: readonly Protocol[] = ["sqs", "lambda", "http", "https", "email", "email-json"];

export interface TopicState {
  readonly name: string;
  readonly arn: string;
  readonly fifo: boolean;
  /** Attributes as set (DisplayName, Policy, DeliveryPolicy, ContentBasedDeduplication, ...). */
  readonly attributes: Map<string, string>;
  policy: PolicyDocument;
  readonly tags: Map<string, string>;
  /** In subscription order. */
  readonly subscriptions: Set<SubscriptionState>;
  /** FIFO: deduplication id -> first publish, for 5 minutes, in publish order. */
  readonly deduplication: Map<string, { expiresAt: number; messageId: string; sequenceNumber: string }>;
  nextSequenceNumber: bigint;
  deletedSubscriptions: number;
}

export interface SubscriptionState {
  readonly arn: string;
  readonly topic: TopicState;
  readonly protocol: Protocol;
  readonly endpoint: string;
  readonly owner: string;
  pending: boolean;
  /** Attributes as set: FilterPolicy, FilterPolicyScope, RawMessageDelivery, RedrivePolicy, DeliveryPolicy. */
  readonly attributes: Map<string, string>;
  filter: CompiledFilterPolicy | undefined;
  raw: boolean;
  deadLetterTargetArn: string | undefined;
  deleted: boolean;
}

/** A request a simulated HTTP/HTTPS endpoint receives from SNS (a sb.world.http request). */
export type SnsHttpRequest = WorldHttpRequest;
export type SnsHttpResponse = WorldHttpResponse;
export type SnsHttpHandler = WorldHttpHandler;

export interface SnsContext {
  readonly clock: Clock;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
  /** Where SQS and Lambda subscriptions and DLQs are delivered (the sandbox's delivery router). */
  readonly targets: DeliveryTargets;
  /** Mailboxes and web servers (email and HTTP/S subscriptions). */
  readonly world: World;
  /** Message ids, subscription ids, tokens. */
  readonly random: SeededRandom;
  /** Fake signatures: their own stream, so they never shift ids. */
  readonly signatureRandom: SeededRandom;
  readonly lambda: { invoker: LambdaInvoker | undefined };
  readonly topics: Map<string, TopicState>;
  readonly subscriptions: Map<string, SubscriptionState>;
  readonly tokens: Map<string, { subscriptionArn: string; expiresAt: number }>;
  /** Parsed resource policies by their text (queue policies are re-read on every delivery). */
  readonly policyCache: Map<string, ParseResult>;
  readonly signingCertUrl: string;
  /** What the bill counts (billing/sns-bill.ts): API requests (64 KB chunks of a publish) and notifications delivered. */
  readonly usage: { requests: number; readonly delivered: Record<Protocol, number> };
}

export function rootCaller(ctx: { accountId: string }): Caller {
  return { type: "AWS", arn: `arn:aws:iam::${ctx.accountId}:root`, accountId: ctx.accountId };
}

/** InvalidParameterException (wire code InvalidParameter) with AWS's text. */
export function invalidParameter(message: string, hint?: string) {
  return fail("InvalidParameterException", message, { queryCode: "InvalidParameter", ...(hint === undefined ? {} : { hint }) });
}

export function notFound(message: string, hint?: string) {
  return fail("NotFoundException", message, { queryCode: "NotFound", httpStatusCode: 404, ...(hint === undefined ? {} : { hint }) });
}

export function topicArnOf(ctx: { region: string; accountId: string }, name: string): string {
  return `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`;
}

/** Forgets a subscription (Unsubscribe, DeleteTopic): no message reaches it from now on, not even a retry. */
export function removeSubscription(ctx: Pick<SnsContext, "subscriptions">, subscription: SubscriptionState): void {
  subscription.deleted = true;
  subscription.topic.subscriptions.delete(subscription);
  subscription.topic.deletedSubscriptions += 1;
  ctx.subscriptions.delete(subscription.arn);
}
