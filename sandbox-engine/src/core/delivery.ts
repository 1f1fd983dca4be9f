/**
 * The one way services hand each other work: `targets.deliver(arn, payload, source)`. The router sends
 * it to the service the ARN names, and that receiving service decides, as on AWS: SQS checks its queue
 * policy, Lambda its function's resource policy. The answer is a closed union the caller's retry policy
 * acts on (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html: client-side
 * errors are not retried, server-side ones are).
 */

/** Who is delivering: a service principal (checked against the receiver's resource policy), or an account's own role. */
export type DeliveryPrincipal =
  /** e.g. "sns.amazonaws.com": needs a resource policy that allows it. */
  | { readonly type: "Service"; readonly service: ServicePrincipal }
  /** A role of this account (a Lambda destination uses the function's execution role): same-account IAM, no resource policy needed. */
  | { readonly type: "Account"; readonly accountId: string };

export type ServicePrincipal = "sns.amazonaws.com" | "lambda.amazonaws.com" | "apigateway.amazonaws.com" | "ses.amazonaws.com" | "events.amazonaws.com";

export interface DeliverySource {
  readonly principal: DeliveryPrincipal;
  /** The resource the delivery comes from (aws:SourceArn), e.g. the topic ARN. */
  readonly sourceArn: string;
  /** aws:SourceAccount. */
  readonly sourceAccount: string;
  /** Trace seq of the event that caused this delivery (becomes the `cause` of what the receiver records). */
  readonly cause?: number | undefined;
  /** A short name for the sender in messages, e.g. "topic orders". */
  readonly label: string;
}

export interface DeliveryAttribute {
  readonly DataType: string;
  readonly StringValue?: string | undefined;
  readonly BinaryValue?: Uint8Array | undefined;
}

export interface DeliveryPayload {
  /** The message as text: an SQS message body, an SNS Message, a JSON event. */
  readonly body: string;
  /** The event already parsed, for receivers that take objects (Lambda); else `body` is JSON-parsed. */
  readonly event?: unknown;
  /** Message attributes (SQS raw delivery). */
  readonly attributes?: Readonly<Record<string, DeliveryAttribute>> | undefined;
  /** FIFO message group and deduplication ids. */
  readonly groupId?: string | undefined;
  readonly deduplicationId?: string | undefined;
  /**
   * How a Lambda receiver invokes: "Event" (the default: queued, retried by Lambda) or "RequestResponse"
   * (the sender waits for the function's answer, as API Gateway's Lambda proxy integration does).
   */
  readonly invocationType?: "Event" | "RequestResponse" | undefined;
}

/** What a synchronous receiver answered (a RequestResponse invocation): the function's payload. */
export interface DeliveryReply {
  readonly payload: string;
  /** "Unhandled" when the function failed (the payload is then its error object). */
  readonly functionError?: string | undefined;
}

export type DeliveryOutcome =
  /** Accepted; `detail` says what was made ("SQS message <id>"). */
  | { readonly status: "delivered"; readonly detail?: string; readonly reply?: DeliveryReply }
  /** The receiver's resource policy does not allow the sender (a client-side error: not retried). */
  | { readonly status: "refused"; readonly reason: string }
  /** The target is gone or the message is invalid for it (client-side: not retried). */
  | { readonly status: "rejected"; readonly reason: string }
  /** The receiver failed (server-side: retried). */
  | { readonly status: "failed"; readonly reason: string }
  /** The receiver is throttling (server-side: retried). */
  | { readonly status: "throttled"; readonly reason: string };

export type DeliveryStatus = DeliveryOutcome["status"];

/** What a receiving service implements. Never throws. */
export type DeliveryReceiver = (arn: string, payload: DeliveryPayload, source: DeliverySource) => DeliveryOutcome | Promise<DeliveryOutcome>;

/**
 * Whether a receiver would take a delivery from `source` now, without delivering: "allowed", or the
 * "refused" (resource policy) or "rejected" (no such target) its delivery would answer.
 */
export type DeliveryVerdict = { readonly status: "allowed" } | Extract<DeliveryOutcome, { status: "refused" | "rejected" }>;

/**
 * A receiver's side-effect-free check: the same code its DeliveryReceiver runs before delivering, so a
 * sender that must refuse a configuration up front (SES CreateReceiptRule) asks the receiver, never a copy of its policy logic.
 */
export type DeliveryCheck = (arn: string, source: DeliverySource) => DeliveryVerdict;

/** The port senders use. */
export interface DeliveryTargets {
  deliver(arn: string, payload: DeliveryPayload, source: DeliverySource): DeliveryOutcome | Promise<DeliveryOutcome>;
  /** Asks the receiver whether `source` may deliver to `arn` now; delivers nothing, records nothing. */
  mayDeliver(arn: string, source: DeliverySource): DeliveryVerdict;
}

export function isRetryable(outcome: DeliveryOutcome): boolean {
  return outcome.status === "failed" || outcome.status === "throttled";
}
