/**
 * The shape of what the simulated cloud records. Every kind has typed details, so a consumer (trace
 * panel, bill, metrics, a failing test's explanation) can switch on `kind` and read its fields, and a
 * `cause`: the seq of the event that led to it (a receive's send, a delivery's publish, an invoke's poll).
 * Add a service by adding a key to TraceDetailsByService.
 */

/** Values stay structured-cloneable so a trace can cross from the runner worker to the page. */
export type TraceValue = string | number | boolean | null | readonly TraceValue[];

export type TraceDetails = Readonly<Record<string, TraceValue>>;

type MessageRef = { readonly messageId: string };

/** SQS (resource: the queue ARN; a visibility expiry is recorded at the exact millisecond). */
export interface SqsTraceDetails {
  "create-queue": { readonly queueName: string; readonly queueUrl: string; readonly fifo: boolean };
  "delete-queue": { readonly queueName: string; readonly messages: number };
  /** attributes: the names set, comma-separated. */
  "set-queue-attributes": { readonly attributes: string };
  "tag-queue": { readonly tagged?: string; readonly untagged?: string };
  /** cause: what made the send (an SNS delivery), if not a learner's call. */
  send: MessageRef & { readonly delaySeconds: number; readonly body: string };
  /** A FIFO send accepted but not enqueued: same deduplication id within 5 minutes. */
  deduplicated: MessageRef & { readonly deduplicationId: string };
  /** cause: the send that enqueued the message. */
  receive: MessageRef & { readonly receiveCount: number; readonly visibleAgainAt: number };
  /** At-least-once delivery (sandbox option): a received message left a copy to be delivered again. */
  duplicate: MessageRef;
  delete: MessageRef & { readonly receiveCount: number };
  "change-visibility": MessageRef & { readonly visibilityTimeout: number; readonly visibleAgainAt: number };
  "visibility-expired": MessageRef & { readonly receiveCount: number };
  "delay-ended": MessageRef & { readonly receiveCount: number };
  "retention-expired": MessageRef & { readonly expiredAt: number };
  /** maxReceiveCount reached: moved to the dead-letter queue (resource: the source queue). */
  "dead-letter": MessageRef & { readonly deadLetterQueueArn: string; readonly receiveCount: number; readonly maxReceiveCount: number };
  purge: { readonly messages: number };
  "move-task-started": { readonly taskHandle: string; readonly toMove: number; readonly destinationArn: string | null };
  /** A message moved by a message move task (resource: the dead-letter queue). */
  "move-task-moved": MessageRef & { readonly destinationArn: string };
  "move-task-finished": { readonly status: string; readonly moved: number; readonly failureReason?: string };
}

type Request = { readonly requestId: string };
type Mapping = { readonly uuid: string };

/** Lambda (resource: the function ARN; for mappings, the queue ARN; for destinations, the target ARN). */
export interface LambdaTraceDetails {
  "create-function": { readonly functionName: string; readonly timeout: number; readonly memorySize: number; readonly reservedConcurrency: number | null };
  "update-function": { readonly functionName: string; readonly fields: string };
  "delete-function": { readonly functionName: string; readonly running: number };
  "put-concurrency": { readonly reservedConcurrency: number };
  "delete-concurrency": Record<string, never>;
  "put-event-invoke-config": {
    readonly maximumRetryAttempts: number | null;
    readonly maximumEventAgeInSeconds: number | null;
    readonly onSuccess: string | null;
    readonly onFailure: string | null;
  };
  /** AddPermission: a statement of the function's resource-based policy. */
  "add-permission": { readonly statementId: string; readonly principal: string; readonly action: string; readonly sourceArn: string | null };
  "remove-permission": { readonly statementId: string };
  /** A service was refused by the function's resource-based policy (cause: the delivery attempt's event). */
  "invoke-denied": { readonly principal: string; readonly sourceArn: string; readonly reason: string };
  /** An invocation started (cause: the async-queued event, or the esm-batch whose poll produced it). */
  invoke: Request & { readonly trigger: string; readonly coldStart: boolean; readonly concurrency: number };
  /** It ended (cause: its invoke). */
  "invoke-end": Request & { readonly status: string; readonly durationMs: number; readonly billedDurationMs: number; readonly trigger: string };
  throttle: Request & { readonly reason: string; readonly trigger: string };
  /** An injected fault (createSandbox({ faults: { lambda } })), before the throttle or failed invoke it causes. */
  fault: Request & { readonly fault: "invocation-error" | "throttle"; readonly rate: number };
  "environment-expired": { readonly logStreamName: string };
  /** An asynchronous event accepted (cause: e.g. the SNS publish that delivered it). */
  "async-queued": Request;
  "async-retry": Request & { readonly reason: string; readonly retryAt: number };
  /** Retries or event age exhausted with no on-failure destination and no dead-letter queue. */
  "async-discarded": Request & { readonly condition: string; readonly invokeCount: number };
  destination: Request & { readonly functionName: string; readonly kind: string };
  "dead-letter": Request & { readonly functionName: string; readonly kind: string };
  /** A destination the sandbox could not deliver to. */
  "destination-undeliverable": Request & { readonly functionName: string; readonly kind: string; readonly reason: string };
  "esm-create": Mapping & { readonly functionName: string; readonly batchSize: number; readonly enabled: boolean };
  "esm-update": Mapping & { readonly enabled: boolean };
  "esm-delete": Mapping;
  "esm-state": Mapping & { readonly state: string };
  /** A poll produced a batch (cause: the receive of its first message); messageIds in the batch's order. */
  "esm-batch": Mapping & { readonly functionName: string; readonly size: number; readonly messageIds: readonly string[] };
  "esm-batch-result": Mapping & { readonly functionName: string; readonly result: string; readonly deleted: number; readonly returned: number };
}

type Delivery = {
  readonly subscription: string;
  readonly messageId: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly attempt: number;
};
type GiveUp = { readonly subscription: string; readonly messageId: string; readonly reason: string; readonly attempts: number };

/** SNS (resource: the topic ARN; details name the subscription and message). */
export interface SnsTraceDetails {
  "create-topic": { readonly fifo: boolean };
  "delete-topic": Record<string, never>;
  "set-topic-attributes": { readonly name: string };
  "tag-resource": { readonly added?: number; readonly removed?: number };
  subscribe: { readonly subscription: string; readonly protocol: string; readonly endpoint: string; readonly pending: boolean };
  /** A SubscriptionConfirmation (HTTP/S) or confirmation email was sent. */
  "confirmation-sent": { readonly subscription: string; readonly endpoint: string };
  "confirm-subscription": { readonly subscription: string };
  unsubscribe: { readonly subscription: string };
  "set-subscription-attributes": { readonly subscription: string; readonly name: string };
  publish: { readonly messageId: string; readonly subscriptions: number; readonly message: string };
  /** A FIFO publish within 5 minutes of the same deduplication id: accepted, not delivered. */
  deduplicated: { readonly messageId: string; readonly deduplicationId: string };
  /** The subscription's filter policy did not match the message (cause: the publish). */
  "filtered-out": { readonly messageId: string; readonly subscription: string };
  /** One delivery attempt starts (cause: the publish, or the retry timer's delivery-retry-scheduled). */
  deliver: { readonly subscription: string; readonly messageId: string; readonly attempt: number };
  /** cause: the deliver event of the attempt. */
  delivered: Delivery & { readonly detail?: string };
  /** One attempt failed (details: reason in plain words, retryable; cause: the attempt). */
  "delivery-failed": Delivery & { readonly reason: string; readonly retryable: boolean };
  "delivery-retry-scheduled": Delivery & { readonly inMs: number };
  /** Moved to the subscription's dead-letter queue after a client error or the last retry. */
  "dead-letter": GiveUp & { readonly deadLetterQueue: string };
  /** Given up with no (working) dead-letter queue. */
  discarded: GiveUp & { readonly deadLetterQueue?: string; readonly deadLetterFailure?: string };
  /** A call refused by the topic policy. */
  "authorization-denied": { readonly caller: string; readonly action: string };
}

type SesMessage = { readonly messageId: string };

/** SES (resource: the sender for sends, the recipient for deliveries/bounces, the rule ARN for rules and actions). */
export interface SesTraceDetails {
  "verify-identity": { readonly kind: string };
  "identity-verified": { readonly kind: string; readonly how: string };
  "delete-identity": Record<string, never>;
  "create-template": Record<string, never>;
  "leave-sandbox": Record<string, never>;
  /** An accepted send (resource: the sender). */
  send: SesMessage & { readonly recipients: number; readonly subject: string; readonly template: string | null };
  /** The mail reached a recipient's mailbox (cause: the send). */
  delivery: SesMessage;
  bounce: SesMessage & { readonly bounceType: string; readonly bounceSubType: string };
  /** An injected fault (createSandbox({ faults: { ses: { bounce } } })), before the bounce it causes. */
  fault: SesMessage & { readonly fault: "bounce" };
  complaint: SesMessage;
  /** Accepted, not delivered: the address is on the account suppression list. */
  suppressed: SesMessage & { readonly reason: string };
  /** Template data missing: accepted, not delivered. */
  "rendering-failure": SesMessage & { readonly template: string; readonly reason: string };
  /** A notification or event SES could not hand to its SNS topic (resource: the topic). */
  "notification-failed": { readonly reason: string };
  "activate-rule-set": Record<string, never>;
  "create-receipt-rule": { readonly rule: string; readonly position: number };
  /** An inbound mail arrived (resource: its recipients). */
  receive: { readonly from: string; readonly sourceIp: string; readonly subject: string };
  /** Refused during the SMTP conversation (cause: the receive). */
  reject: { readonly from: string; readonly smtpCode: number; readonly reason: string };
  /** A rule applies (cause: the receive). */
  "rule-matched": SesMessage & { readonly rule: string; readonly recipients: string };
  /** One action ran (cause: its rule-matched). */
  action: SesMessage & { readonly rule: string; readonly type: string; readonly outcome: string; readonly detail: string | null };
}

/** API Gateway (resource: the API id). A request's response, and the function invocation it caused, point to its `request` event. */
export interface ApiGatewayTraceDetails {
  "create-api": { readonly name: string; readonly protocol: string };
  deploy: { readonly deploymentId: string; readonly stage: string | null };
  /** A call to the API (route: "GET /orders/{id}" or "$default"; empty when nothing matched). */
  request: { readonly requestId: string; readonly method: string; readonly path: string; readonly stage: string; readonly route: string };
  /** A Lambda authorizer's verdict (cause: the request): allow, or the gateway response it led to; cached: from its TTL cache. */
  authorize: { readonly authorizer: string; readonly result: string; readonly cached: boolean };
  /** The REST stage cache for a cacheable request (cause: the request): hit (the integration is not called), miss, or refresh (Cache-Control: max-age=0). */
  cache: { readonly requestId: string; readonly result: string };
  /** The answer (cause: the request); reason: why API Gateway answered instead of the backend, if it did. */
  response: { readonly requestId: string; readonly status: number; readonly latencyMs: number; readonly reason: string | null };
  /** A WebSocket upgrade request: status 101 when the connection opened, else the refusal's status and reason. */
  connect: { readonly connectionId: string; readonly stage: string; readonly status: number; readonly reason: string | null };
  /** A WebSocket message: "in" from the client (route: the route it selected, null for none), "out" to it; frames: the WebSocket frames it took (at most 32 KB each). */
  message: { readonly connectionId: string; readonly direction: "in" | "out"; readonly route: string | null; readonly bytes: number; readonly frames: number };
  /** A WebSocket connection ended (code and reason of the close; by: who ended it). */
  disconnect: { readonly connectionId: string; readonly code: number; readonly reason: string; readonly by: "client" | "server" | "idle-timeout" | "max-duration" | "frame-too-big" | "message-too-big" };
}

/**
 * The AWS SDK's own behaviour as a client of the sandbox (resource: the service the client talks to, "sqs" |
 * "sns" | "lambda"). `retry`: a call failed with a retryable error and the client waits `delayMs` of virtual time
 * before attempt `attempt`; `retryAfterMs`: the wait the answer asked for (Retry-After), if it did.
 */
export interface SdkTraceDetails {
  retry: {
    readonly error: string;
    readonly status: number | null;
    readonly attempt: number;
    readonly maxAttempts: number;
    readonly delayMs: number;
    readonly retryAfterMs: number | null;
  };
}

export interface TraceDetailsByService {
  sqs: SqsTraceDetails;
  lambda: LambdaTraceDetails;
  sns: SnsTraceDetails;
  ses: SesTraceDetails;
  apigateway: ApiGatewayTraceDetails;
  sdk: SdkTraceDetails;
}

export type TraceService = keyof TraceDetailsByService;

export type TraceKindsByService = { [S in TraceService]: keyof TraceDetailsByService[S] & string };
export type SqsTraceKind = TraceKindsByService["sqs"];
export type LambdaTraceKind = TraceKindsByService["lambda"];
export type SnsTraceKind = TraceKindsByService["sns"];
export type SesTraceKind = TraceKindsByService["ses"];
export type SdkTraceKind = TraceKindsByService["sdk"];

/** The details of one kind of event. */
export type TraceDetailsOf<S extends TraceService, K extends TraceKindsByService[S]> = TraceDetailsByService[S][K];

/** One event of one kind: `kind` narrows `details`. */
export type TraceEventOfKind<S extends TraceService, K extends TraceKindsByService[S]> = {
  /** Virtual time, epoch milliseconds. */
  readonly time: number;
  /** Position in the trace, from 0: orders events that share a millisecond. */
  readonly seq: number;
  readonly service: S;
  readonly kind: K;
  /** ARN (or name) of the resource the event is about. */
  readonly resource: string;
  readonly details: TraceDetailsOf<S, K>;
  /** The seq of the event that led to this one (a receive's send, a delivery's publish), if any. */
  readonly cause?: number;
};

export type TraceEventOf<S extends TraceService> = { [K in TraceKindsByService[S]]: TraceEventOfKind<S, K> }[TraceKindsByService[S]];

export type TraceEvent = { [S in TraceService]: TraceEventOf<S> }[TraceService];

export type TraceListener = (event: TraceEvent) => void;
