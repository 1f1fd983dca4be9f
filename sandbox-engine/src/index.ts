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
  type SandboxBase,
  type SandboxBaseOptions,
  type SandboxOptions,
} from "./sandbox.ts";
export { installSandboxFetch } from "./sandbox-fetch.ts";
export { serviceDefinitions, sdkModuleIds, type SdkModuleId, type ServiceName, type ServiceOptionsByName, type ServicesByName } from "./services.ts";
export { defineService, type ServiceDefinition, type ServiceEnvironment } from "./core/service-definition.ts";
export type { ServiceDeps } from "./core/service-deps.ts";
export type {
  DeliveryAttribute,
  DeliveryOutcome,
  DeliveryPayload,
  DeliveryPrincipal,
  DeliveryReceiver,
  DeliverySource,
  DeliveryStatus,
  DeliveryTargets,
  ServicePrincipal,
} from "./core/delivery.ts";
export { parseArn, arnName, type Arn } from "./core/arn.ts";
export type { MetadataBearer, ResponseMetadata } from "./core/metadata.ts";
export { createWorld, type IssueJwtOptions, type WorldIdentity, type World, type WorldHttp, type WorldHttpExchange, type WorldHttpHandler, type WorldHttpRequest, type WorldHttpResponse, type WorldMail } from "./world/world.ts";

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
  SesTraceKind,
  SnsTraceKind,
  SdkTraceKind,
  SqsTraceKind,
  ApiGatewayTraceDetails,
  LambdaTraceDetails,
  SesTraceDetails,
  SnsTraceDetails,
  SqsTraceDetails,
  TraceDetails,
  TraceDetailsByService,
  TraceDetailsOf,
  TraceEvent,
  TraceEventOf,
  TraceEventOfKind,
  TraceKindsByService,
  TraceListener,
  TraceService,
  TraceValue,
} from "./trace/trace-event.ts";

export { AwsError, faultToError, type AwsErrorMetadata, type AwsErrorOptions } from "./core/aws-error.ts";
export { fail, ok, type Fault, type Outcome } from "./core/outcome.ts";

export { createSqsService, type EmptyResult, type SqsService } from "./sqs/sqs-service.ts";
export type { ActivityCallback } from "./sqs/activity.ts";
export type { SqsOptions, StandardQueueDelivery } from "./sqs/delivery.ts";
export { isVisible, type StoredMessage } from "./sqs/message.ts";
export { queueArn, queueUrl } from "./sqs/queue-address.ts";
export type * from "./sqs/sqs-types.ts";

export { createLambdaService, type LambdaService } from "./lambda/lambda-service.ts";
export type { DestinationDelivery, InvocationRecord, LambdaOptions, LogLine } from "./lambda/lambda-state.ts";
export type { LambdaContext, LambdaHandler, LambdaCallback, CreateFunctionRequest, FunctionConfiguration } from "./lambda/lambda-types.ts";
export type { FunctionMetrics, MetricDatapoint } from "./lambda/metrics.ts";
export type { LambdaBill, LambdaBillLine } from "./lambda/billing/lambda-bill.ts";
export type { SqsBill, SqsBillLine } from "./sqs/billing/sqs-bill.ts";
export type { SnsBill, SnsBillLine } from "./sns/billing/sns-bill.ts";
export { addBills, sandboxBill, type BillableSandbox, type BillLine, type BilledService, type SandboxBill } from "./billing/sandbox-bill.ts";
export { routeConsoleToLambdaLogs } from "./lambda/logs.ts";

export { createSnsService, type SnsService } from "./sns/sns-service.ts";
export type { Protocol as SnsProtocol, SnsHttpHandler, SnsHttpRequest, SnsHttpResponse } from "./sns/sns-context.ts";
export type { LambdaInvoker, LambdaInvokeRequest, LambdaInvokeResult } from "./sns/lambda-invoker.ts";
export * as filterPolicy from "./sns/filter-policy/index.ts";
export * as iam from "./iam/index.ts";

export type { ApiGatewayService, ApiGatewayV2Operations } from "./apigateway/apigateway-service.ts";
export type { SendOptions, WebSocketClient } from "./apigateway/websocket/websocket-client.ts";
export { WebSocketRefused, type ConnectOptions } from "./apigateway/websocket/websocket-gateway.ts";
