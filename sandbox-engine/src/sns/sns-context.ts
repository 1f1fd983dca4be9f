/**
 * What every SNS operation works on: topics, subscriptions, confirmation tokens, the simulated
 * HTTP endpoints and mailboxes of one sandbox, plus its clock, randomness, trace and SQS service.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import { fail } from "../errors/fault.ts";
import type { Caller, ParseResult, PolicyDocument } from "../iam/index.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import type { Trace } from "../trace/trace.ts";
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

/** A request a simulated HTTP/HTTPS endpoint receives from SNS. */
export interface SnsHttpRequest {
  readonly method: "POST";
  readonly url: string;
  /** Lower-case names, e.g. "x-amz-sns-message-type": "Notification" | "SubscriptionConfirmation". */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON document (or, with RawMessageDelivery, the message itself). */
  readonly body: string;
}

/** What a handler answers: a status code, `{ status }` / `{ statusCode }`, or nothing (= 200). Throwing = 500. */
export type SnsHttpResponse = number | { status?: number; statusCode?: number } | undefined | void;
export type SnsHttpHandler = (request: SnsHttpRequest) => SnsHttpResponse | Promise<SnsHttpResponse>;

export interface SnsHttpDelivery {
  readonly time: number;
  readonly request: SnsHttpRequest;
  /** The status the handler answered, or undefined if no handler was registered / it threw. */
  readonly status: number | undefined;
}

/** An email in a sandbox mailbox. */
export interface SnsEmail {
  readonly time: number;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly type: "SubscriptionConfirmation" | "Notification";
  /** On a confirmation email: the link to "click" with sb.sns.visit(url). */
  readonly subscribeUrl?: string;
  readonly topicArn: string;
}

export interface SnsContext {
  readonly clock: Clock;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
  readonly sqs: SqsService;
  /** Message ids, subscription ids, tokens. */
  readonly random: SeededRandom;
  /** Fake signatures: their own stream, so they never shift ids. */
  readonly signatureRandom: SeededRandom;
  readonly lambda: { invoker: LambdaInvoker | undefined };
  readonly topics: Map<string, TopicState>;
  readonly subscriptions: Map<string, SubscriptionState>;
  readonly tokens: Map<string, { subscriptionArn: string; expiresAt: number }>;
  readonly httpHandlers: Map<string, SnsHttpHandler>;
  readonly httpLog: SnsHttpDelivery[];
  readonly mailboxes: Map<string, SnsEmail[]>;
  /** Parsed resource policies by their text (queue policies are re-read on every delivery). */
  readonly policyCache: Map<string, ParseResult>;
  /**
   * Queue ARN -> its Policy text (undefined: none; null: no such queue). GetQueueAttributes counts
   * the queue's messages, so SNS reads a queue once and forgets it when the SQS trace says the queue
   * was created, deleted or changed (set-queue-attributes).
   */
  readonly queuePolicies: Map<string, string | undefined | null>;
  readonly signingCertUrl: string;
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

/** The last part of an ARN (a topic or queue name). */
export function arnName(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}

/** arn:partition:service:region:account:resource */
export function parseArn(arn: string): { service: string; region: string; accountId: string; resource: string } | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[1] === "" || parts[2] === "") return undefined;
  return { service: parts[2]!, region: parts[3]!, accountId: parts[4]!, resource: parts.slice(5).join(":") };
}
