/**
 * The SNS model of one sandbox (`sb.sns`). Operations take SDK-shaped requests (any value accepted)
 * and return an Outcome; the wire layer (wire/sns-query-protocol.ts) turns faults into AWS errors. An optional
 * `caller` (default: the sandbox account's root) is who makes the call, for topic policies.
 *
 * Beyond the API, the sandbox simulates what SNS talks to:
 * - `http.register(url, handler)`: an HTTP/HTTPS endpoint (it first receives the
 *   SubscriptionConfirmation, and nothing else until the subscription is confirmed);
 * - `mailbox(address)`: the emails an email / email-json subscriber receives;
 * - `visit(url)`: "clicking" a SubscribeURL (confirms) or an UnsubscribeURL;
 * - `lambda`: where Lambda subscriptions are delivered (wired to sb.lambda by createSandbox).
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import { ok } from "../core/outcome.ts";
import type { Caller } from "../iam/index.ts";
import type { DeliveryCheck, DeliveryReceiver, DeliveryTargets } from "../core/delivery.ts";
import type { World } from "../world/world.ts";
import type { LambdaInvoker } from "./lambda-invoker.ts";
import { publish } from "./operations/publish.ts";
import { findTopic } from "./topics.ts";
import { publishBatch } from "./operations/publish-batch.ts";
import { invalidParameter, rootCaller, type SnsContext } from "./sns-context.ts";
import type {
  ConfirmSubscriptionResponse,
  CreateTopicResponse,
  GetSubscriptionAttributesResponse,
  GetTopicAttributesResponse,
  ListSubscriptionsResponse,
  ListTagsForResourceResponse,
  ListTopicsResponse,
  PublishBatchResponse,
  PublishResponse,
  SubscribeResponse,
} from "./sns-types.ts";
import { confirmSubscription } from "./operations/confirm-subscription.ts";
import { getSubscriptionAttributes } from "./operations/get-subscription-attributes.ts";
import { listSubscriptions } from "./operations/list-subscriptions.ts";
import { listSubscriptionsByTopic } from "./operations/list-subscriptions-by-topic.ts";
import { setSubscriptionAttributes } from "./operations/set-subscription-attributes.ts";
import { subscribe } from "./operations/subscribe.ts";
import { unsubscribe } from "./operations/unsubscribe.ts";
import { createTopic } from "./operations/create-topic.ts";
import { deleteTopic } from "./operations/delete-topic.ts";
import { getTopicAttributes } from "./operations/get-topic-attributes.ts";
import { listTagsForResource } from "./operations/list-tags-for-resource.ts";
import { listTopics } from "./operations/list-topics.ts";
import { setTopicAttributes } from "./operations/set-topic-attributes.ts";
import { tagResource } from "./operations/tag-resource.ts";
import { untagResource } from "./operations/untag-resource.ts";
import type { SnsOutcome } from "./sns-faults.ts";
import { emptySnsUsage, snsBill, type SnsBill } from "./billing/sns-bill.ts";

type Empty = Record<string, never>;

export interface SnsService {
  createTopic(input: unknown): SnsOutcome<CreateTopicResponse>;
  deleteTopic(input: unknown, caller?: Caller): SnsOutcome<Empty>;
  listTopics(input: unknown): SnsOutcome<ListTopicsResponse>;
  getTopicAttributes(input: unknown, caller?: Caller): SnsOutcome<GetTopicAttributesResponse>;
  setTopicAttributes(input: unknown, caller?: Caller): SnsOutcome<Empty>;
  subscribe(input: unknown, caller?: Caller): SnsOutcome<SubscribeResponse>;
  confirmSubscription(input: unknown): SnsOutcome<ConfirmSubscriptionResponse>;
  unsubscribe(input: unknown): SnsOutcome<Empty>;
  listSubscriptions(input: unknown): SnsOutcome<ListSubscriptionsResponse>;
  listSubscriptionsByTopic(input: unknown, caller?: Caller): SnsOutcome<ListSubscriptionsResponse>;
  getSubscriptionAttributes(input: unknown): SnsOutcome<GetSubscriptionAttributesResponse>;
  setSubscriptionAttributes(input: unknown): SnsOutcome<Empty>;
  publish(input: unknown, caller?: Caller): SnsOutcome<PublishResponse>;
  publishBatch(input: unknown, caller?: Caller): SnsOutcome<PublishBatchResponse>;
  tagResource(input: unknown): SnsOutcome<Empty>;
  untagResource(input: unknown): SnsOutcome<Empty>;
  listTagsForResource(input: unknown): SnsOutcome<ListTagsForResourceResponse>;

  /** Follows a SubscribeURL (ConfirmSubscription) or UnsubscribeURL, as a browser would. */
  visit(url: string): SnsOutcome<ConfirmSubscriptionResponse | Empty>;
  /** Replaces how Lambda subscriptions are invoked (a test's fake); undefined: through the delivery router. */
  setLambdaInvoker(invoker: LambdaInvoker | undefined): void;
  /** SNS lines of the bill at list prices: API requests and notifications delivered. */
  bill(): SnsBill;
}

export interface SnsServiceDeps extends ServiceDeps {
  /** Where SQS and Lambda subscriptions are delivered (the sandbox's delivery router). */
  readonly targets: DeliveryTargets;
  /** Mailboxes and web servers. */
  readonly world: World;
  /** Replaces the router for Lambda subscriptions (a test's fake); see setLambdaInvoker. */
  readonly lambda?: LambdaInvoker | undefined;
}

export function createSnsService(deps: SnsServiceDeps): SnsService {
  return createSns(deps).service;
}

/**
 * The service and its delivery receiver: a delivery to a topic ARN (a Lambda destination) is a Publish
 * of the payload by the sender's account (topic policy: same account allowed).
 */
export function createSns(deps: SnsServiceDeps): { service: SnsService; receive: DeliveryReceiver; check: DeliveryCheck } {
  const random = deps.random.fork("sns");
  const ctx: SnsContext = {
    clock: deps.clock,
    trace: deps.trace,
    region: deps.region,
    accountId: deps.accountId,
    targets: deps.targets,
    world: deps.world,
    random,
    signatureRandom: deps.random.fork("sns-signature"),
    lambda: { invoker: deps.lambda },
    topics: new Map(),
    subscriptions: new Map(),
    tokens: new Map(),
    policyCache: new Map(),
    signingCertUrl: `https://sns.${deps.region}.amazonaws.com/SimpleNotificationService-${random.fork("cert").hex(32)}.pem`,
    usage: emptySnsUsage(),
  };
  /** Every API call is a billed request (a publish of more than 64 KB adds its further chunks, in publish.ts). */
  const request = () => void (ctx.usage.requests += 1);
  const root = rootCaller(ctx);
  const service: SnsService = {
    createTopic: (input) => (request(), createTopic(ctx, input)),
    deleteTopic: (input, caller = root) => (request(), deleteTopic(ctx, input, caller)),
    listTopics: (input) => (request(), listTopics(ctx, input)),
    getTopicAttributes: (input, caller = root) => (request(), getTopicAttributes(ctx, input, caller)),
    setTopicAttributes: (input, caller = root) => (request(), setTopicAttributes(ctx, input, caller)),
    subscribe: (input, caller = root) => (request(), subscribe(ctx, input, caller)),
    confirmSubscription: (input) => (request(), confirmSubscription(ctx, input)),
    unsubscribe: (input) => (request(), unsubscribe(ctx, input)),
    listSubscriptions: (input) => (request(), listSubscriptions(ctx, input)),
    listSubscriptionsByTopic: (input, caller = root) => (request(), listSubscriptionsByTopic(ctx, input, caller)),
    getSubscriptionAttributes: (input) => (request(), getSubscriptionAttributes(ctx, input)),
    setSubscriptionAttributes: (input) => (request(), setSubscriptionAttributes(ctx, input)),
    publish: (input, caller = root) => (request(), publish(ctx, input, caller)),
    publishBatch: (input, caller = root) => (request(), publishBatch(ctx, input, caller)),
    tagResource: (input) => (request(), tagResource(ctx, input)),
    untagResource: (input) => (request(), untagResource(ctx, input)),
    listTagsForResource: (input) => (request(), listTagsForResource(ctx, input)),
    visit(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return invalidParameter("Invalid parameter: URL", `${String(url)} is not a URL.`);
      }
      const action = parsed.searchParams.get("Action");
      if (action === "ConfirmSubscription") {
        return confirmSubscription(ctx, { TopicArn: parsed.searchParams.get("TopicArn") ?? undefined, Token: parsed.searchParams.get("Token") ?? undefined });
      }
      if (action === "Unsubscribe") return unsubscribe(ctx, { SubscriptionArn: parsed.searchParams.get("SubscriptionArn") ?? undefined });
      if (parsed.pathname.endsWith("/unsubscribe.html")) return unsubscribe(ctx, { SubscriptionArn: parsed.searchParams.get("SubscriptionArn") ?? undefined });
      return ok({});
    },
    bill: () => snsBill(ctx.usage),
    setLambdaInvoker(invoker) {
      ctx.lambda.invoker = invoker;
    },
  };
  // The receiver publishes as the sender's account (allowed by any topic policy of its own topic), so what it
  // checks before publishing is that the topic exists: findTopic, the lookup Publish itself makes.
  const check: DeliveryCheck = (arn) => {
    const topic = findTopic(ctx, arn);
    return topic.ok ? { status: "allowed" } : { status: "rejected", reason: `${topic.fault.code}: ${topic.fault.message}` };
  };
  const receive: DeliveryReceiver = (arn, payload) => {
    // A Lambda dead-letter topic also gets the message attributes (RequestID, ErrorCode, ErrorMessage).
    const published = publish(ctx, { TopicArn: arn, Message: payload.body, ...(payload.attributes === undefined ? {} : { MessageAttributes: payload.attributes }) }, root);
    return published.ok ? { status: "delivered" } : { status: "rejected", reason: `${published.fault.code}: ${published.fault.message}` };
  };
  return { service, receive, check };
}
