/**
 * What every Lambda operation works on: the functions, execution environments, event source
 * mappings and invocation records of one sandbox, plus its clock, randomness, trace and SQS.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type { DeliveryAttribute, DeliveryTargets } from "../core/delivery.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import type { Trace } from "../trace/trace.ts";
import type { LambdaFaultInjector } from "./fault-injection.ts";
import type { ThrottleReason } from "./lambda-faults.ts";
import type { DestinationConfig, FunctionResponseType, LambdaHandler } from "./lambda-types.ts";
import type { ResourcePolicy } from "./policy-types.ts";

export interface ExecutionEnvironment {
  readonly id: number;
  readonly logStreamName: string;
  readonly initDurationMs: number;
  readonly maxMemoryUsedMb: number;
  busy: boolean;
  /** Virtual ms its last invocation ended; it expires ENVIRONMENT_IDLE_EXPIRY_MS later. */
  lastUsedAt: number;
  invocations: number;
}

export interface FunctionSettings {
  timeoutSeconds: number;
  memorySizeMb: number;
  variables: Record<string, string>;
  handlerName: string;
  runtime: string;
  description: string;
  role: string;
  deadLetterTargetArn: string | undefined;
}

export interface EventInvokeConfig {
  maximumRetryAttempts: number | undefined;
  maximumEventAgeInSeconds: number | undefined;
  onSuccess: string | undefined;
  onFailure: string | undefined;
  lastModified: number;
}

export interface LogLine {
  readonly timestamp: number;
  readonly logStreamName: string;
  readonly requestId: string;
  readonly message: string;
}

export interface LambdaFunction {
  readonly name: string;
  readonly arn: string;
  readonly handler: LambdaHandler;
  settings: FunctionSettings;
  reserved: number | undefined;
  eventInvokeConfig: EventInvokeConfig | undefined;
  readonly environments: ExecutionEnvironment[];
  /** Invocations running now (its ConcurrentExecutions). */
  active: number;
  lastModified: number;
  deleted: boolean;
  readonly logs: LogLine[];
  /** Resource-based policy (AddPermission): who else may invoke it. */
  readonly policy: ResourcePolicy;
}

/** One finished (or throttled) invocation: the single record that logs, metrics and the bill read. */
export interface InvocationRecord {
  readonly functionName: string;
  readonly requestId: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly trigger: "sync" | "async" | "sqs";
  readonly status: "success" | "error" | "timeout" | "throttled";
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly initDurationMs: number | undefined;
  readonly memorySizeMb: number;
  /** The function's ConcurrentExecutions when this invocation started (including itself). */
  readonly concurrency: number;
  readonly throttleReason?: ThrottleReason;
}

export type EsmState = "Creating" | "Enabling" | "Enabled" | "Disabling" | "Disabled" | "Updating" | "Deleting";

export interface EventSourceMapping {
  readonly uuid: string;
  readonly eventSourceArn: string;
  functionName: string;
  batchSize: number;
  batchingWindowSeconds: number;
  functionResponseTypes: FunctionResponseType[];
  maximumConcurrency: number | undefined;
  enabled: boolean;
  state: EsmState;
  stateTransitionReason: string;
  lastModified: number;
  lastProcessingResult: string;
  /** When polling (re)started: the concurrency ramp counts from here. */
  enabledAt: number;
  inFlightBatches: number;
  /** A poll is scheduled on the clock (at most one at a time). */
  pollTimer: number | undefined;
  pollAt: number | undefined;
  /** Start of the batching window, when messages are waiting for a fuller batch. */
  windowStartedAt: number | undefined;
  deleted: boolean;
}

/** One delivery to an asynchronous-invocation destination or dead-letter queue (destinations.ts). */
export interface DestinationDelivery {
  readonly arn: string;
  readonly kind: "on-success" | "on-failure" | "dead-letter";
  /** The JSON text: the invocation record, or (dead-letter) the event alone. */
  readonly message: string;
  readonly functionName: string;
  readonly requestId: string;
  /** Message attributes (a dead-letter message's RequestID, ErrorCode, ErrorMessage). */
  readonly attributes?: Readonly<Record<string, DeliveryAttribute>>;
}

export interface LambdaOptions {
  /** Account concurrency quota (AWS default 1,000 per Region). At least 100. */
  accountConcurrency?: number;
}

export interface LambdaState {
  readonly clock: Clock;
  readonly trace: Trace;
  readonly sqs: SqsService;
  readonly region: string;
  readonly accountId: string;
  readonly accountConcurrency: number;
  /** Request ids, UUIDs of mappings, log stream suffixes. */
  readonly ids: SeededRandom;
  /** Init durations and memory figures: their own stream, so they never shift ids. */
  readonly physics: SeededRandom;
  readonly functions: Map<string, LambdaFunction>;
  readonly mappings: Map<string, EventSourceMapping>;
  readonly invocations: InvocationRecord[];
  /** Running invocations of functions without reserved concurrency (the unreserved pool's use). */
  unreservedActive: number;
  nextEnvironmentId: number;
  /** Unsubscribes from the trace (SQS activity wakes the mappings); set while mappings exist. */
  /** Queue ARN -> stops its sqs.onActivity callback: one per queue some event source mapping reads. */
  readonly sqsWatches: Map<string, () => void>;
  /** Where destinations that are not functions go (the sandbox's delivery router). */
  readonly targets: DeliveryTargets;
  /** createSandbox({ faults: { lambda } }): injected errors and throttles (fault-injection.ts). */
  readonly faults: LambdaFaultInjector;
}
