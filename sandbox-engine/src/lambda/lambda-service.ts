/**
 * The Lambda model of one sandbox (`sb.lambda`). Deploying (`createFunction`) throws an AwsError
 * on bad input, since it is setup code; the API operations take SDK-shaped requests (validated at
 * run time, any value accepted) and return an Outcome, like `sb.sqs`, which the
 * @aws-sdk/client-lambda facade turns into responses or errors. Logs, metrics and the bill are
 * read from the same invocation records.
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import { lambdaBill, type LambdaBill } from "./billing/lambda-bill.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import { faultToError } from "../core/aws-error.ts";
import type { DeliveryCheck, DeliveryReceiver, DeliveryTargets } from "../core/delivery.ts";
import { resolveFunctionName } from "./arn.ts";
import { createLambdaFaultInjector, type LambdaFaults } from "./fault-injection.ts";
import { createEventSourceMapping } from "./operations/create-event-source-mapping.ts";
import { deleteEventSourceMapping } from "./operations/delete-event-source-mapping.ts";
import { getEventSourceMapping } from "./operations/get-event-source-mapping.ts";
import { listEventSourceMappings } from "./operations/list-event-source-mappings.ts";
import { updateEventSourceMapping } from "./operations/update-event-source-mapping.ts";
import { createFunction } from "./operations/create-function.ts";
import { deleteFunction } from "./operations/delete-function.ts";
import { deleteFunctionConcurrency } from "./operations/delete-function-concurrency.ts";
import { deleteFunctionEventInvokeConfig } from "./operations/delete-function-event-invoke-config.ts";
import { getFunction } from "./operations/get-function.ts";
import { getFunctionConcurrency } from "./operations/get-function-concurrency.ts";
import { getFunctionEventInvokeConfig } from "./operations/get-function-event-invoke-config.ts";
import { listFunctions } from "./operations/list-functions.ts";
import { putFunctionConcurrency } from "./operations/put-function-concurrency.ts";
import { putFunctionEventInvokeConfig } from "./operations/put-function-event-invoke-config.ts";
import { updateFunctionConfiguration } from "./operations/update-function-configuration.ts";
import { invoke } from "./invoke.ts";
import { addPermission, type AddPermissionResult } from "./operations/add-permission.ts";
import { getPolicy, type GetPolicyResult } from "./operations/get-policy.ts";
import { removePermission } from "./operations/remove-permission.ts";
import { lambdaDeliveryCheck, lambdaDeliveryReceiver } from "./receive-delivery.ts";
import type { LambdaOutcome } from "./lambda-faults.ts";
import { DEFAULT_ACCOUNT_CONCURRENCY, MIN_UNRESERVED_CONCURRENCY } from "./lambda-limits.ts";
import type { InvocationRecord, LambdaOptions, LambdaState, LogLine } from "./lambda-state.ts";
import type {
  AddPermissionRequest,
  CreateEventSourceMappingRequest,
  GetPolicyRequest,
  RemovePermissionRequest,
  CreateFunctionRequest,
  DeleteFunctionConcurrencyRequest,
  DeleteFunctionEventInvokeConfigRequest,
  DeleteFunctionRequest,
  EventSourceMappingConfiguration,
  EventSourceMappingRequest,
  FunctionConfiguration,
  FunctionEventInvokeConfig,
  GetFunctionConcurrencyRequest,
  GetFunctionConcurrencyResult,
  GetFunctionEventInvokeConfigRequest,
  GetFunctionRequest,
  GetFunctionResult,
  InvokeRequest,
  InvokeResult,
  ListEventSourceMappingsRequest,
  ListEventSourceMappingsResult,
  ListFunctionsRequest,
  ListFunctionsResult,
  PutFunctionConcurrencyRequest,
  PutFunctionConcurrencyResult,
  PutFunctionEventInvokeConfigRequest,
  UpdateEventSourceMappingRequest,
  UpdateFunctionConfigurationRequest,
} from "./lambda-types.ts";
import { functionMetrics, type FunctionMetrics } from "./metrics.ts";
import { recentLogs } from "./logs.ts";
import { unreservedPool } from "./runtime.ts";

type Empty = Record<string, never>;

export interface LambdaService {
  /** Deploys a function from a function value. Throws an AwsError (ResourceConflictException, InvalidParameterValueException). */
  createFunction(input: CreateFunctionRequest): FunctionConfiguration;
  /** The same as the API operation answers it, an Outcome (CreateFunction over the wire, its handler loaded from a .zip). */
  deployFunction(input: CreateFunctionRequest): LambdaOutcome<FunctionConfiguration>;
  updateFunctionConfiguration(input: UpdateFunctionConfigurationRequest): LambdaOutcome<FunctionConfiguration>;
  getFunction(input: GetFunctionRequest): LambdaOutcome<GetFunctionResult>;
  listFunctions(input?: ListFunctionsRequest): LambdaOutcome<ListFunctionsResult>;
  deleteFunction(input: DeleteFunctionRequest): LambdaOutcome<Empty>;
  putFunctionConcurrency(input: PutFunctionConcurrencyRequest): LambdaOutcome<PutFunctionConcurrencyResult>;
  deleteFunctionConcurrency(input: DeleteFunctionConcurrencyRequest): LambdaOutcome<Empty>;
  getFunctionConcurrency(input: GetFunctionConcurrencyRequest): LambdaOutcome<GetFunctionConcurrencyResult>;
  putFunctionEventInvokeConfig(input: PutFunctionEventInvokeConfigRequest): LambdaOutcome<FunctionEventInvokeConfig>;
  getFunctionEventInvokeConfig(input: GetFunctionEventInvokeConfigRequest): LambdaOutcome<FunctionEventInvokeConfig>;
  deleteFunctionEventInvokeConfig(input: DeleteFunctionEventInvokeConfigRequest): LambdaOutcome<Empty>;
  /** Async: a synchronous invocation waits for the handler (on the virtual clock). */
  invoke(input: InvokeRequest): Promise<LambdaOutcome<InvokeResult>>;
  createEventSourceMapping(input: CreateEventSourceMappingRequest): LambdaOutcome<EventSourceMappingConfiguration>;
  updateEventSourceMapping(input: UpdateEventSourceMappingRequest): LambdaOutcome<EventSourceMappingConfiguration>;
  deleteEventSourceMapping(input: EventSourceMappingRequest): LambdaOutcome<EventSourceMappingConfiguration>;
  getEventSourceMapping(input: EventSourceMappingRequest): LambdaOutcome<EventSourceMappingConfiguration>;
  listEventSourceMappings(input?: ListEventSourceMappingsRequest): LambdaOutcome<ListEventSourceMappingsResult>;

  /** The function's log lines (every stream, oldest first): START/END/REPORT and what the handler logged. */
  logs(functionName: string): LogLine[];
  /** The same lines as one text, as CloudWatch Logs would show the log group. */
  logText(functionName: string): string;
  /** Invocations, Errors, Throttles, Duration, ConcurrentExecutions; datapoints per `periodSeconds` (default 60). */
  metrics(functionName: string, options?: { periodSeconds?: number }): FunctionMetrics;
  /** Every invocation (and throttle) so far: the record logs, metrics and the bill come from. */
  invocations(): readonly InvocationRecord[];
  /** Itemised cost of the run at AWS list prices. */
  bill(): LambdaBill;
  /** Account concurrency quota and what is left unreserved. */
  concurrency(): { account: number; unreserved: number; running: number };
  /** Adds a statement to the function's resource-based policy (who else may invoke it). */
  addPermission(input: AddPermissionRequest): LambdaOutcome<AddPermissionResult>;
  removePermission(input: RemovePermissionRequest): LambdaOutcome<Empty>;
  getPolicy(input: GetPolicyRequest): LambdaOutcome<GetPolicyResult>;
}

export interface LambdaServiceDeps extends ServiceDeps {
  readonly sqs: SqsService;
  /** Where destinations go (the sandbox's delivery router). */
  readonly targets: DeliveryTargets;
  readonly options?: LambdaOptions | undefined;
  /** createSandbox({ faults: { lambda } }). */
  readonly faults?: LambdaFaults | undefined;
}

export function createLambdaService(deps: LambdaServiceDeps): LambdaService {
  return createLambda(deps).service;
}

/** The service and its delivery receiver (what the service registry needs). */
export function createLambda(deps: LambdaServiceDeps): { service: LambdaService; receive: DeliveryReceiver; check: DeliveryCheck } {
  const accountConcurrency = deps.options?.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY;
  if (!Number.isInteger(accountConcurrency) || accountConcurrency < MIN_UNRESERVED_CONCURRENCY) {
    throw new RangeError(`lambda.accountConcurrency must be a whole number >= ${MIN_UNRESERVED_CONCURRENCY}, got ${String(accountConcurrency)}`);
  }
  const state: LambdaState = {
    clock: deps.clock,
    trace: deps.trace,
    sqs: deps.sqs,
    region: deps.region,
    accountId: deps.accountId,
    accountConcurrency,
    ids: deps.random.fork("lambda"),
    physics: deps.random.fork("lambda-physics"),
    functions: new Map(),
    mappings: new Map(),
    invocations: [],
    unreservedActive: 0,
    nextEnvironmentId: 1,
    sqsWatches: new Map(),
    targets: deps.targets,
    faults: createLambdaFaultInjector(deps.faults, deps.random.fork("lambda-faults")),
  };
  const nameOf = (given: string): string => {
    const resolved = typeof given === "string" ? resolveFunctionName(state, given) : undefined;
    return resolved?.ok ? resolved.value.name : String(given);
  };
  const service: LambdaService = {
    createFunction(input) {
      const created = createFunction(state, input);
      // Setup code, not an SDK call: an AwsError named after the fault (the SDK's classes belong to the wire side).
      if (!created.ok) throw faultToError(created.fault, undefined);
      return created.value;
    },
    deployFunction: (input) => createFunction(state, input),
    updateFunctionConfiguration: (input) => updateFunctionConfiguration(state, input),
    getFunction: (input) => getFunction(state, input),
    listFunctions: (input) => listFunctions(state, input ?? {}),
    deleteFunction: (input) => deleteFunction(state, input),
    putFunctionConcurrency: (input) => putFunctionConcurrency(state, input),
    deleteFunctionConcurrency: (input) => deleteFunctionConcurrency(state, input),
    getFunctionConcurrency: (input) => getFunctionConcurrency(state, input),
    putFunctionEventInvokeConfig: (input) => putFunctionEventInvokeConfig(state, input),
    getFunctionEventInvokeConfig: (input) => getFunctionEventInvokeConfig(state, input),
    deleteFunctionEventInvokeConfig: (input) => deleteFunctionEventInvokeConfig(state, input),
    invoke: (input) => invoke(state, input),
    createEventSourceMapping: (input) => createEventSourceMapping(state, input),
    updateEventSourceMapping: (input) => updateEventSourceMapping(state, input),
    deleteEventSourceMapping: (input) => deleteEventSourceMapping(state, input),
    getEventSourceMapping: (input) => getEventSourceMapping(state, input),
    listEventSourceMappings: (input) => listEventSourceMappings(state, input ?? {}),
    logs(functionName) {
      const fn = state.functions.get(nameOf(functionName));
      return fn === undefined ? [] : recentLogs(fn).map((line) => ({ ...line }));
    },
    logText(functionName) {
      return this.logs(functionName).map((line) => line.message).join("\n");
    },
    metrics(functionName, options = {}) {
      const periodSeconds = options.periodSeconds ?? 60;
      if (!Number.isFinite(periodSeconds) || periodSeconds <= 0) throw new RangeError("metrics: periodSeconds must be > 0");
      return functionMetrics(state.invocations, nameOf(functionName), periodSeconds * 1000);
    },
    invocations: () => [...state.invocations],
    bill: () => lambdaBill(state.invocations),
    concurrency() {
      let running = 0;
      for (const fn of state.functions.values()) running += fn.active;
      return { account: state.accountConcurrency, unreserved: unreservedPool(state), running };
    },
    addPermission: (input) => addPermission(state, input),
    removePermission: (input) => removePermission(state, input),
    getPolicy: (input) => getPolicy(state, input),
  };
  return { service, receive: lambdaDeliveryReceiver(state), check: lambdaDeliveryCheck(state) };
}
