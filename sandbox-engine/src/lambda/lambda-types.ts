/**
 * Input and output shapes of the Lambda API, named as in the AWS SDK for JavaScript v3
 * (@aws-sdk/client-lambda). Only the fields the sandbox simulates are listed; others are ignored.
 */
import type { MetadataBearer, ResponseMetadata } from "../core/metadata.ts";

export type { MetadataBearer, ResponseMetadata };

/** A deployed handler: async `(event, context)`, or callback style `(event, context, callback)`. */
export type LambdaHandler = (event: any, context: LambdaContext, callback: LambdaCallback) => unknown;
export type LambdaCallback = (error?: unknown, result?: unknown) => void;

/** The `context` object of the Node.js runtime (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html). */
export interface LambdaContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  /** A string, as in the Node.js runtime ("128"). */
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Invoke's ClientContext, base64-decoded and JSON-parsed ({ client, custom, env }); undefined without one. */
  readonly clientContext?: unknown;
  /** Virtual ms until the function times out. */
  getRemainingTimeInMillis(): number;
  /** Accepted for compatibility; the simulator returns as soon as the handler settles. */
  callbackWaitsForEmptyEventLoop: boolean;
  /** Runtime helpers of the old Node runtimes, kept for code that calls them. */
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
  done(error?: unknown, result?: unknown): void;
}

export interface Environment {
  Variables?: Record<string, string> | undefined;
}
export interface DeadLetterConfig {
  TargetArn?: string | undefined;
}

export interface CreateFunctionRequest {
  FunctionName: string | undefined;
  /** The handler itself (the sandbox deploys from a function value, not from a zip). */
  handler: LambdaHandler | undefined;
  /** The "file.export" name shown in the configuration. Default "index.handler". */
  Handler?: string | undefined;
  Runtime?: string | undefined;
  Description?: string | undefined;
  Timeout?: number | undefined;
  MemorySize?: number | undefined;
  ReservedConcurrentExecutions?: number | undefined;
  Environment?: Environment | undefined;
  DeadLetterConfig?: DeadLetterConfig | undefined;
  Role?: string | undefined;
}

export interface UpdateFunctionConfigurationRequest {
  FunctionName: string | undefined;
  Timeout?: number | undefined;
  MemorySize?: number | undefined;
  Environment?: Environment | undefined;
  DeadLetterConfig?: DeadLetterConfig | undefined;
  Description?: string | undefined;
  Handler?: string | undefined;
}

export interface FunctionConfiguration {
  FunctionName?: string | undefined;
  FunctionArn?: string | undefined;
  Runtime?: string | undefined;
  Role?: string | undefined;
  Handler?: string | undefined;
  Description?: string | undefined;
  Timeout?: number | undefined;
  MemorySize?: number | undefined;
  LastModified?: string | undefined;
  Version?: string | undefined;
  Environment?: { Variables?: Record<string, string> | undefined } | undefined;
  DeadLetterConfig?: DeadLetterConfig | undefined;
  State?: "Active" | undefined;
  PackageType?: "Zip" | undefined;
  Architectures?: "x86_64"[] | undefined;
}

export interface GetFunctionRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
}
export interface GetFunctionResult {
  Configuration?: FunctionConfiguration | undefined;
  Concurrency?: { ReservedConcurrentExecutions?: number | undefined } | undefined;
  Code?: { RepositoryType?: string | undefined; Location?: string | undefined } | undefined;
  Tags?: Record<string, string> | undefined;
}

export interface ListFunctionsRequest {
  Marker?: string | undefined;
  MaxItems?: number | undefined;
}
export interface ListFunctionsResult {
  Functions?: FunctionConfiguration[] | undefined;
  NextMarker?: string | undefined;
}

export interface DeleteFunctionRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
}

export interface PutFunctionConcurrencyRequest {
  FunctionName: string | undefined;
  ReservedConcurrentExecutions: number | undefined;
}
export interface PutFunctionConcurrencyResult {
  ReservedConcurrentExecutions?: number | undefined;
}
export interface DeleteFunctionConcurrencyRequest {
  FunctionName: string | undefined;
}
export interface GetFunctionConcurrencyRequest {
  FunctionName: string | undefined;
}
export interface GetFunctionConcurrencyResult {
  ReservedConcurrentExecutions?: number | undefined;
}

export type InvocationType = "RequestResponse" | "Event" | "DryRun";
export type LogType = "None" | "Tail";

export interface InvokeRequest {
  FunctionName: string | undefined;
  InvocationType?: InvocationType | undefined;
  LogType?: LogType | undefined;
  ClientContext?: string | undefined;
  /** Uint8Array as in the SDK (a string is accepted too). */
  Payload?: Uint8Array | string | undefined;
  Qualifier?: string | undefined;
}
export interface InvokeResult {
  /** Engine-internal, not enumerable: the invocation's request id, which the SDK layer returns as the response's. */
  readonly requestId?: string;
  StatusCode?: number | undefined;
  FunctionError?: string | undefined;
  LogResult?: string | undefined;
  Payload?: Uint8Array | undefined;
  ExecutedVersion?: string | undefined;
}

export interface OnSuccess {
  Destination?: string | undefined;
}
export interface OnFailure {
  Destination?: string | undefined;
}
export interface DestinationConfig {
  OnSuccess?: OnSuccess | undefined;
  OnFailure?: OnFailure | undefined;
}
export interface PutFunctionEventInvokeConfigRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
  MaximumRetryAttempts?: number | undefined;
  MaximumEventAgeInSeconds?: number | undefined;
  DestinationConfig?: DestinationConfig | undefined;
}
export interface FunctionEventInvokeConfig {
  LastModified?: Date | undefined;
  FunctionArn?: string | undefined;
  MaximumRetryAttempts?: number | undefined;
  MaximumEventAgeInSeconds?: number | undefined;
  DestinationConfig?: DestinationConfig | undefined;
}
export interface GetFunctionEventInvokeConfigRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
}
export interface DeleteFunctionEventInvokeConfigRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
}

export type EventSourceMappingState = "Creating" | "Enabling" | "Enabled" | "Disabling" | "Disabled" | "Updating" | "Deleting";
export type FunctionResponseType = "ReportBatchItemFailures";

export interface ScalingConfig {
  MaximumConcurrency?: number | undefined;
}

export interface CreateEventSourceMappingRequest {
  EventSourceArn: string | undefined;
  FunctionName: string | undefined;
  Enabled?: boolean | undefined;
  BatchSize?: number | undefined;
  MaximumBatchingWindowInSeconds?: number | undefined;
  FunctionResponseTypes?: FunctionResponseType[] | undefined;
  ScalingConfig?: ScalingConfig | undefined;
  /** Stream sources only: an SQS mapping refuses it. */
  DestinationConfig?: DestinationConfig | undefined;
}
export interface UpdateEventSourceMappingRequest {
  UUID: string | undefined;
  FunctionName?: string | undefined;
  Enabled?: boolean | undefined;
  BatchSize?: number | undefined;
  MaximumBatchingWindowInSeconds?: number | undefined;
  FunctionResponseTypes?: FunctionResponseType[] | undefined;
  ScalingConfig?: ScalingConfig | undefined;
}
export interface EventSourceMappingRequest {
  UUID: string | undefined;
}
export interface ListEventSourceMappingsRequest {
  EventSourceArn?: string | undefined;
  FunctionName?: string | undefined;
  Marker?: string | undefined;
  MaxItems?: number | undefined;
}
export interface EventSourceMappingConfiguration {
  UUID?: string | undefined;
  BatchSize?: number | undefined;
  MaximumBatchingWindowInSeconds?: number | undefined;
  EventSourceArn?: string | undefined;
  EventSourceMappingArn?: string | undefined;
  FunctionArn?: string | undefined;
  LastModified?: Date | undefined;
  LastProcessingResult?: string | undefined;
  State?: EventSourceMappingState | undefined;
  StateTransitionReason?: string | undefined;
  FunctionResponseTypes?: FunctionResponseType[] | undefined;
  ScalingConfig?: ScalingConfig | undefined;
}
export interface ListEventSourceMappingsResult {
  EventSourceMappings?: EventSourceMappingConfiguration[] | undefined;
  NextMarker?: string | undefined;
}


export type CreateFunctionCommandOutput = FunctionConfiguration & MetadataBearer;
export type InvokeCommandInput = InvokeRequest;
export type InvokeCommandOutput = InvokeResult & MetadataBearer;
export type GetFunctionCommandInput = GetFunctionRequest;
export type GetFunctionCommandOutput = GetFunctionResult & MetadataBearer;
export type ListFunctionsCommandInput = ListFunctionsRequest;
export type ListFunctionsCommandOutput = ListFunctionsResult & MetadataBearer;
export type DeleteFunctionCommandInput = DeleteFunctionRequest;
export type DeleteFunctionCommandOutput = MetadataBearer;
export type UpdateFunctionConfigurationCommandInput = UpdateFunctionConfigurationRequest;
export type UpdateFunctionConfigurationCommandOutput = FunctionConfiguration & MetadataBearer;
export type PutFunctionConcurrencyCommandInput = PutFunctionConcurrencyRequest;
export type PutFunctionConcurrencyCommandOutput = PutFunctionConcurrencyResult & MetadataBearer;
export type DeleteFunctionConcurrencyCommandInput = DeleteFunctionConcurrencyRequest;
export type DeleteFunctionConcurrencyCommandOutput = MetadataBearer;
export type GetFunctionConcurrencyCommandInput = GetFunctionConcurrencyRequest;
export type GetFunctionConcurrencyCommandOutput = GetFunctionConcurrencyResult & MetadataBearer;
export type PutFunctionEventInvokeConfigCommandInput = PutFunctionEventInvokeConfigRequest;
export type PutFunctionEventInvokeConfigCommandOutput = FunctionEventInvokeConfig & MetadataBearer;
export type GetFunctionEventInvokeConfigCommandInput = GetFunctionEventInvokeConfigRequest;
export type GetFunctionEventInvokeConfigCommandOutput = FunctionEventInvokeConfig & MetadataBearer;
export type DeleteFunctionEventInvokeConfigCommandInput = DeleteFunctionEventInvokeConfigRequest;
export type DeleteFunctionEventInvokeConfigCommandOutput = MetadataBearer;
export type CreateEventSourceMappingCommandInput = CreateEventSourceMappingRequest;
export type CreateEventSourceMappingCommandOutput = EventSourceMappingConfiguration & MetadataBearer;
export type UpdateEventSourceMappingCommandInput = UpdateEventSourceMappingRequest;
export type UpdateEventSourceMappingCommandOutput = EventSourceMappingConfiguration & MetadataBearer;
export type DeleteEventSourceMappingCommandInput = EventSourceMappingRequest;
export type DeleteEventSourceMappingCommandOutput = EventSourceMappingConfiguration & MetadataBearer;
export type GetEventSourceMappingCommandInput = EventSourceMappingRequest;
export type GetEventSourceMappingCommandOutput = EventSourceMappingConfiguration & MetadataBearer;
export type ListEventSourceMappingsCommandInput = ListEventSourceMappingsRequest;
export type ListEventSourceMappingsCommandOutput = ListEventSourceMappingsResult & MetadataBearer;

export interface AddPermissionRequest {
  FunctionName: string | undefined;
  StatementId: string | undefined;
  /** "lambda:InvokeFunction" to let the principal invoke the function. */
  Action: string | undefined;
  /** A service ("sns.amazonaws.com"), an account id or ARN, or "*". */
  Principal: string | undefined;
  /** The resource allowed to invoke it, e.g. the topic ARN (becomes an ArnLike AWS:SourceArn condition). */
  SourceArn?: string | undefined;
  SourceAccount?: string | undefined;
  Qualifier?: string | undefined;
  RevisionId?: string | undefined;
}
export interface AddPermissionResponse {
  Statement?: string | undefined;
}
export interface RemovePermissionRequest {
  FunctionName: string | undefined;
  StatementId: string | undefined;
  Qualifier?: string | undefined;
  RevisionId?: string | undefined;
}
export interface GetPolicyRequest {
  FunctionName: string | undefined;
  Qualifier?: string | undefined;
}
export interface GetPolicyResponse {
  Policy?: string | undefined;
  RevisionId?: string | undefined;
}
export type AddPermissionCommandInput = AddPermissionRequest;
export type AddPermissionCommandOutput = AddPermissionResponse & MetadataBearer;
export type RemovePermissionCommandInput = RemovePermissionRequest;
export type RemovePermissionCommandOutput = MetadataBearer;
export type GetPolicyCommandInput = GetPolicyRequest;
export type GetPolicyCommandOutput = GetPolicyResponse & MetadataBearer;
