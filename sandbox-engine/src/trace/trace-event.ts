/**
 * The shape of what the simulated cloud records. Kinds are typed per service, so a consumer
 * (trace panel, bill, metrics, a failing test's explanation) can switch on them exhaustively.
 * Add a service by adding a key to TraceKindsByService.
 */
export type SqsTraceKind =
  | "create-queue"
  | "delete-queue"
  | "set-queue-attributes"
  | "tag-queue"
  | "send"
  /** A FIFO send accepted but not enqueued: same deduplication id within 5 minutes. */
  | "deduplicated"
  | "receive"
  /** At-least-once delivery (sandbox option): a received message left a copy to be delivered again. */
  | "duplicate"
  | "delete"
  | "change-visibility"
  | "visibility-expired"
  | "delay-ended"
  | "retention-expired"
  /** maxReceiveCount reached: moved to the dead-letter queue (resource: the source queue). */
  | "dead-letter"
  | "purge"
  | "move-task-started"
  /** A message moved by a message move task (resource: the dead-letter queue). */
  | "move-task-moved"
  | "move-task-finished";

/** Lambda (resource: the function ARN; for mappings, the queue ARN; for destinations, the target ARN). */
export type LambdaTraceKind =
  | "create-function"
  | "update-function"
  | "delete-function"
  | "put-concurrency"
  | "delete-concurrency"
  | "put-event-invoke-config"
  /** An invocation started (details: requestId, trigger sync|async|sqs, coldStart, concurrency). */
  | "invoke"
  /** It ended (status success|error|timeout, durationMs, billedDurationMs). */
  | "invoke-end"
  | "throttle"
  | "environment-expired"
  | "async-queued"
  | "async-retry"
  /** Retries or event age exhausted with no on-failure destination and no dead-letter queue. */
  | "async-discarded"
  | "destination"
  | "dead-letter"
  /** A destination the sandbox could not deliver to (e.g. SNS before it is simulated). */
  | "destination-undeliverable"
  | "esm-create"
  | "esm-update"
  | "esm-delete"
  | "esm-state"
  | "esm-batch"
  | "esm-batch-result";

/** SNS (resource: the topic ARN; details name the subscription and message). */
export type SnsTraceKind =
  | "create-topic"
  | "delete-topic"
  | "set-topic-attributes"
  | "tag-resource"
  | "subscribe"
  /** A SubscriptionConfirmation (HTTP/S) or confirmation email was sent. */
  | "confirmation-sent"
  | "confirm-subscription"
  | "unsubscribe"
  | "set-subscription-attributes"
  | "publish"
  /** A FIFO publish within 5 minutes of the same deduplication id: accepted, not delivered. */
  | "deduplicated"
  /** The subscription's filter policy did not match the message. */
  | "filtered-out"
  | "delivered"
  /** One attempt failed (details: reason in plain words, retryable). */
  | "delivery-failed"
  | "delivery-retry-scheduled"
  /** Moved to the subscription's dead-letter queue after a client error or the last retry. */
  | "dead-letter"
  /** Given up with no (working) dead-letter queue. */
  | "discarded"
  /** A call refused by the topic policy. */
  | "authorization-denied";

/**
 * The AWS SDK's own behaviour as a client of the sandbox (resource: the service the client talks to, "sqs" |
 * "sns" | "lambda"). `retry`: a call failed with a retryable error and the client waits `delayMs` of virtual time
 * before attempt `attempt` (details: error, status, attempt, maxAttempts, delayMs).
 */
export type SdkTraceKind = "retry";

export interface TraceKindsByService {
  sqs: SqsTraceKind;
  lambda: LambdaTraceKind;
  sns: SnsTraceKind;
  sdk: SdkTraceKind;
}

export type TraceService = keyof TraceKindsByService;

/** Values stay structured-cloneable so a trace can cross from the runner worker to the page. */
export type TraceValue = string | number | boolean | null;

export type TraceDetails = Readonly<Record<string, TraceValue>>;

export type TraceEventOf<S extends TraceService> = {
  /** Virtual time, epoch milliseconds. */
  readonly time: number;
  /** Position in the trace, from 0: orders events that share a millisecond. */
  readonly seq: number;
  readonly service: S;
  readonly kind: TraceKindsByService[S];
  /** ARN (or name) of the resource the event is about. */
  readonly resource: string;
  readonly details: TraceDetails;
};

export type TraceEvent = { [S in TraceService]: TraceEventOf<S> }[TraceService];

export type TraceListener = (event: TraceEvent) => void;
