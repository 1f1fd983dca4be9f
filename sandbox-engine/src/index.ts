/**
 * sandbox-engine: a deterministic simulator of AWS services for EventLab.
 * SDK-shaped clients live in subpaths, e.g. "sandbox-engine/aws/client-sqs".
 */
export {
  createSandbox,
  currentSandbox,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_NOW,
  DEFAULT_REGION,
  DEFAULT_SEED,
  onSandboxCreated,
  type Sandbox,
  type SandboxOptions,
} from "./sandbox.ts";

export {
  createClock,
  DEFAULT_LOOP_LIMIT,
  type Clock,
  type ClockOptions,
  type TimerCallback,
  type TimerId,
  type WaitOutcome,
  type Waiter,
} from "./clock/virtual-clock.ts";

export { createRandom, type Seed, type SeededRandom } from "./random/seeded-random.ts";

export { createTrace, type Trace } from "./trace/trace.ts";
export type {
  LambdaTraceKind,
  SnsTraceKind,
  SdkTraceKind,
  SqsTraceKind,
  TraceDetails,
  TraceEvent,
  TraceEventOf,
  TraceKindsByService,
  TraceListener,
  TraceService,
  TraceValue,
} from "./trace/trace-event.ts";

export { AwsError, faultToError, type AwsErrorMetadata, type AwsErrorOptions } from "./errors/aws-error.ts";
export { fail, ok, type Fault, type Outcome } from "./errors/fault.ts";

export { createSqsService, type EmptyResult, type SqsService } from "./sqs/sqs-service.ts";
export type { SqsOptions, StandardQueueDelivery } from "./sqs/delivery.ts";
export { isVisible, type StoredMessage } from "./sqs/message.ts";
export { queueArn, queueUrl } from "./sqs/queue-address.ts";
export type * from "./sqs/sqs-types.ts";

export { createLambdaService, type LambdaService } from "./lambda/lambda-service.ts";
export type { DestinationDelivery, DestinationResolver, InvocationRecord, LambdaOptions, LogLine } from "./lambda/lambda-state.ts";
export type { LambdaContext, LambdaHandler, LambdaCallback, CreateFunctionRequest, FunctionConfiguration } from "./lambda/lambda-types.ts";
export type { FunctionMetrics, MetricDatapoint } from "./lambda/metrics.ts";
export type { LambdaBill, LambdaBillLine } from "./billing/lambda-bill.ts";
export { routeConsoleToLambdaLogs } from "./lambda/logs.ts";

export { createSnsService, type SnsHttpEndpoints, type SnsMailbox, type SnsService } from "./sns/sns-service.ts";
export type { Protocol as SnsProtocol, SnsEmail, SnsHttpDelivery, SnsHttpHandler, SnsHttpRequest, SnsHttpResponse } from "./sns/sns-context.ts";
export type { LambdaInvoker, LambdaInvokeRequest, LambdaInvokeResult } from "./sns/lambda-invoker.ts";
export * as filterPolicy from "./sns/filter-policy/index.ts";
export * as iam from "./iam/index.ts";
