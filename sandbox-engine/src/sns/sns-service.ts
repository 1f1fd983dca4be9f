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
import type { Clock } from "../clock/virtual-clock.ts";
import { ok, type Outcome } from "../errors/fault.ts";
import type { Caller } from "../iam/index.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import type { Trace } from "../trace/trace.ts";
import type { LambdaInvoker } from "./lambda-invoker.ts";
import { publish, publishBatch } from "./publish.ts";
import { invalidParameter, rootCaller, type SnsContext, type SnsEmail, type SnsHttpDelivery, type SnsHttpHandler } from "./sns-context.ts";
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
import {
  confirmSubscription,
  getSubscriptionAttributes,
  listSubscriptions,
  listSubscriptionsByTopic,
  setSubscriptionAttributes,
  subscribe,
  unsubscribe,
} from "./subscriptions.ts";
import {
  createTopic,
  deleteTopic,
  getTopicAttributes,
  listTagsForResource,
  listTopics,
  setTopicAttributes,
  tagResource,
  untagResource,
} from "./topics.ts";

type Empty = Record<string, never>;

export interface SnsHttpEndpoints {
  /** Registers (or replaces) the handler for `url` (exact match, e.g. "https://example.com/orders"). */
  register(url: string, handler: SnsHttpHandler): void;
  unregister(url: string): void;
  /** Every request SNS made to `url` (or to any URL), oldest first, with the status answered. */
  requests(url?: string): readonly SnsHttpDelivery[];
}

export interface SnsMailbox {
  readonly address: string;
  /** Emails received, oldest first. */
  readonly messages: readonly SnsEmail[];
  /** Visits the SubscribeURL of the newest confirmation email; returns the SubscriptionArn. */
  confirm(): Outcome<ConfirmSubscriptionResponse>;
}

export interface SnsService {
  createTopic(input: unknown): Outcome<CreateTopicResponse>;
  deleteTopic(input: unknown, caller?: Caller): Outcome<Empty>;
  listTopics(input: unknown): Outcome<ListTopicsResponse>;
  getTopicAttributes(input: unknown, caller?: Caller): Outcome<GetTopicAttributesResponse>;
  setTopicAttributes(input: unknown, caller?: Caller): Outcome<Empty>;
  subscribe(input: unknown, caller?: Caller): Outcome<SubscribeResponse>;
  confirmSubscription(input: unknown): Outcome<ConfirmSubscriptionResponse>;
  unsubscribe(input: unknown): Outcome<Empty>;
  listSubscriptions(input: unknown): Outcome<ListSubscriptionsResponse>;
  listSubscriptionsByTopic(input: unknown, caller?: Caller): Outcome<ListSubscriptionsResponse>;
  getSubscriptionAttributes(input: unknown): Outcome<GetSubscriptionAttributesResponse>;
  setSubscriptionAttributes(input: unknown): Outcome<Empty>;
  publish(input: unknown, caller?: Caller): Outcome<PublishResponse>;
  publishBatch(input: unknown, caller?: Caller): Outcome<PublishBatchResponse>;
  tagResource(input: unknown): Outcome<Empty>;
  untagResource(input: unknown): Outcome<Empty>;
  listTagsForResource(input: unknown): Outcome<ListTagsForResourceResponse>;

  readonly http: SnsHttpEndpoints;
  mailbox(address: string): SnsMailbox;
  /** Follows a SubscribeURL (ConfirmSubscription) or UnsubscribeURL, as a browser would. */
  visit(url: string): Outcome<ConfirmSubscriptionResponse | Empty>;
  /** Where Lambda subscriptions deliver; createSandbox sets it from sb.lambda when Lambda exists. */
  setLambdaInvoker(invoker: LambdaInvoker | undefined): void;
}

export interface SnsServiceDeps {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
  readonly sqs: SqsService;
  readonly lambda?: LambdaInvoker | undefined;
}

export function createSnsService(deps: SnsServiceDeps): SnsService {
  const random = deps.random.fork("sns");
  const ctx: SnsContext = {
    clock: deps.clock,
    trace: deps.trace,
    region: deps.region,
    accountId: deps.accountId,
    sqs: deps.sqs,
    random,
    signatureRandom: deps.random.fork("sns-signature"),
    lambda: { invoker: deps.lambda },
    topics: new Map(),
    subscriptions: new Map(),
    tokens: new Map(),
    httpHandlers: new Map(),
    httpLog: [],
    mailboxes: new Map(),
    policyCache: new Map(),
    queuePolicies: new Map(),
    signingCertUrl: `https://sns.${deps.region}.amazonaws.com/SimpleNotificationService-${random.fork("cert").hex(32)}.pem`,
  };
  // Only the queue changes that can change a queue's policy: naming them keeps every other event cheap to record.
  deps.trace.subscribe((event) => ctx.queuePolicies.delete(event.resource), {
    service: "sqs",
    kinds: ["set-queue-attributes", "create-queue", "delete-queue"],
  });
  const root = rootCaller(ctx);
  const service: SnsService = {
    createTopic: (input) => createTopic(ctx, input),
    deleteTopic: (input, caller = root) => deleteTopic(ctx, input, caller),
    listTopics: (input) => listTopics(ctx, input),
    getTopicAttributes: (input, caller = root) => getTopicAttributes(ctx, input, caller),
    setTopicAttributes: (input, caller = root) => setTopicAttributes(ctx, input, caller),
    subscribe: (input, caller = root) => subscribe(ctx, input, caller),
    confirmSubscription: (input) => confirmSubscription(ctx, input),
    unsubscribe: (input) => unsubscribe(ctx, input),
    listSubscriptions: (input) => listSubscriptions(ctx, input),
    listSubscriptionsByTopic: (input, caller = root) => listSubscriptionsByTopic(ctx, input, caller),
    getSubscriptionAttributes: (input) => getSubscriptionAttributes(ctx, input),
    setSubscriptionAttributes: (input) => setSubscriptionAttributes(ctx, input),
    publish: (input, caller = root) => publish(ctx, input, caller),
    publishBatch: (input, caller = root) => publishBatch(ctx, input, caller),
    tagResource: (input) => tagResource(ctx, input),
    untagResource: (input) => untagResource(ctx, input),
    listTagsForResource: (input) => listTagsForResource(ctx, input),
    http: {
      register(url, handler) {
        if (typeof url !== "string" || !/^https?:\/\//.test(url)) throw new TypeError(`sns.http.register needs an http:// or https:// URL, got ${String(url)}`);
        if (typeof handler !== "function") throw new TypeError("sns.http.register needs a handler function (request) => status");
        ctx.httpHandlers.set(url, handler);
      },
      unregister(url) {
        ctx.httpHandlers.delete(url);
      },
      requests(url) {
        return url === undefined ? [...ctx.httpLog] : ctx.httpLog.filter((entry) => entry.request.url === url);
      },
    },
    mailbox(address) {
      return {
        address,
        get messages() {
          return [...(ctx.mailboxes.get(address.toLowerCase()) ?? [])];
        },
        confirm() {
          const mails = ctx.mailboxes.get(address.toLowerCase()) ?? [];
          const latest = [...mails].reverse().find((mail) => mail.subscribeUrl !== undefined);
          if (latest === undefined) return invalidParameter("Invalid parameter: Token", `No confirmation email in the mailbox of ${address}: subscribe it first.`);
          return service.visit(latest.subscribeUrl!) as Outcome<ConfirmSubscriptionResponse>;
        },
      };
    },
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
    setLambdaInvoker(invoker) {
      ctx.lambda.invoker = invoker;
    },
  };
  return service;
}
