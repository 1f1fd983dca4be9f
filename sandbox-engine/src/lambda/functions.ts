/**
 * Function management: CreateFunction (from a function value), UpdateFunctionConfiguration,
 * GetFunction, ListFunctions, DeleteFunction, reserved concurrency and the event invoke config.
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html.
 */
import { parseArn } from "../core/arn.ts";
import { functionArn, resolveFunctionName, validateFunctionName } from "./arn.ts";
import {
  functionNotFound,
  invalidParameter,
  resourceConflict,
  resourceNotFound,
  type LambdaOutcome,
} from "./lambda-faults.ts";
import { MAXIMUM_EVENT_AGE_SECONDS, MAXIMUM_RETRY_ATTEMPTS, MEMORY_SIZE, MIN_UNRESERVED_CONCURRENCY, TIMEOUT } from "./lambda-limits.ts";
import type { EventInvokeConfig, FunctionSettings, LambdaFunction, LambdaState } from "./lambda-state.ts";
import type {
  FunctionConfiguration,
  FunctionEventInvokeConfig,
  GetFunctionResult,
  ListFunctionsResult,
} from "./lambda-types.ts";
import { asParams, isRecord, optionalInteger, optionalString, requiredString, show, type Params } from "./params.ts";
import { totalReserved } from "./runtime.ts";

const DEFAULT_RUNTIME = "nodejs22.x";
const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
/** Keys the Lambda runtime sets itself (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html). */
const RESERVED_ENV_KEYS = new Set([
  "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
]);
const ENV_MAX_BYTES = 4 * 1024;

export function lastModifiedText(ms: number): string {
  // Lambda's LastModified format: 2026-01-01T00:00:00.000+0000.
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/** The function a FunctionName parameter names, or ResourceNotFoundException with its ARN. */
export function findFunction(state: LambdaState, given: unknown, field = "FunctionName"): LambdaOutcome<LambdaFunction> {
  if (typeof given !== "string" || given === "") return invalidParameter(`${field} is required: the function's name or ARN.`);
  const resolved = resolveFunctionName(state, given);
  if (!resolved.ok) return resolved;
  const { name, qualifier } = resolved.value;
  const fn = state.functions.get(name);
  const arn = functionArn(state, name);
  if (fn === undefined) return functionNotFound(qualifier === undefined ? arn : `${arn}:${qualifier}`);
  if (qualifier !== undefined && qualifier !== "$LATEST") {
    return resourceNotFound(`Function not found: ${arn}:${qualifier}`,
      "The sandbox deploys $LATEST only: omit the qualifier or use \"$LATEST\".");
  }
  return { ok: true, value: fn };
}

export function configurationOf(state: LambdaState, fn: LambdaFunction): FunctionConfiguration {
  const s = fn.settings;
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: s.runtime,
    Role: s.role,
    Handler: s.handlerName,
    Description: s.description,
    Timeout: s.timeoutSeconds,
    MemorySize: s.memorySizeMb,
    LastModified: lastModifiedText(fn.lastModified),
    Version: "$LATEST",
    Environment: { Variables: { ...s.variables } },
    ...(s.deadLetterTargetArn === undefined ? {} : { DeadLetterConfig: { TargetArn: s.deadLetterTargetArn } }),
    State: "Active",
    PackageType: "Zip",
    Architectures: ["x86_64"],
  };
}

function parseVariables(params: Params): LambdaOutcome<Record<string, string> | undefined> {
  const environment = params.Environment;
  if (environment === undefined) return { ok: true, value: undefined };
  if (!isRecord(environment)) return invalidParameter(`Environment must be { Variables: { NAME: "value" } }, got ${show(environment)}.`);
  const variables = environment.Variables;
  if (variables === undefined) return { ok: true, value: {} };
  if (!isRecord(variables)) return invalidParameter(`Environment.Variables must be an object of strings, got ${show(variables)}.`);
  const out: Record<string, string> = {};
  const reserved: string[] = [];
  for (const [key, value] of Object.entries(variables)) {
    if (!ENV_KEY.test(key)) {
      return invalidParameter(
        `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]`,
        `"${key}" is not a valid variable name: start with a letter, then letters, digits or underscores.`,
      );
    }
    if (typeof value !== "string") return invalidParameter(`Environment variable ${key} must be a string, got ${show(value)}.`);
    if (RESERVED_ENV_KEYS.has(key)) reserved.push(key);
    out[key] = value;
  }
  if (reserved.length > 0) {
    return invalidParameter(
      "Lambda was unable to configure your environment variables because the environment variables you have provided " +
        `contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`,
    );
  }
  if (new TextEncoder().encode(JSON.stringify(out)).length > ENV_MAX_BYTES) {
    return invalidParameter(
      "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.",
    );
  }
  return { ok: true, value: out };
}

function parseDeadLetter(params: Params): LambdaOutcome<string | null | undefined> {
  const config = params.DeadLetterConfig;
  if (config === undefined) return { ok: true, value: undefined };
  if (!isRecord(config)) return invalidParameter(`DeadLetterConfig must be { TargetArn }, got ${show(config)}.`);
  const target = config.TargetArn;
  // An empty TargetArn removes the dead-letter queue.
  if (target === undefined || target === "") return { ok: true, value: null };
  const arn = typeof target === "string" ? parseArn(target) : undefined;
  if (arn === undefined || (arn.service !== "sqs" && arn.service !== "sns")) {
    return invalidParameter(
      `1 validation error detected: Value '${String(target)}' at 'deadLetterConfig.targetArn' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()",
      "A dead-letter queue is an SQS queue ARN (arn:aws:sqs:...) or an SNS topic ARN (arn:aws:sns:...).",
    );
  }
  return { ok: true, value: target as string };
}

function checkReserved(state: LambdaState, fn: LambdaFunction | undefined, value: number): LambdaOutcome<number> {
  if (state.accountConcurrency - totalReserved(state, fn) - value < MIN_UNRESERVED_CONCURRENCY) {
    return invalidParameter(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
      `The account has ${state.accountConcurrency} concurrent executions; at least 100 must stay unreserved.`,
    );
  }
  return { ok: true, value };
}

interface SettingsPatch {
  timeoutSeconds?: number;
  memorySizeMb?: number;
  variables?: Record<string, string>;
  deadLetterTargetArn?: string | null;
  description?: string;
  handlerName?: string;
}

function parseSettings(params: Params): LambdaOutcome<SettingsPatch> {
  const timeout = optionalInteger(params, "Timeout", TIMEOUT);
  if (!timeout.ok) return timeout;
  const memory = optionalInteger(params, "MemorySize", MEMORY_SIZE);
  if (!memory.ok) return memory;
  const variables = parseVariables(params);
  if (!variables.ok) return variables;
  const deadLetter = parseDeadLetter(params);
  if (!deadLetter.ok) return deadLetter;
  const description = optionalString(params, "Description");
  if (!description.ok) return description;
  const handlerName = optionalString(params, "Handler");
  if (!handlerName.ok) return handlerName;
  const patch: SettingsPatch = {};
  if (timeout.value !== undefined) patch.timeoutSeconds = timeout.value;
  if (memory.value !== undefined) patch.memorySizeMb = memory.value;
  if (variables.value !== undefined) patch.variables = variables.value;
  if (deadLetter.value !== undefined) patch.deadLetterTargetArn = deadLetter.value;
  if (description.value !== undefined) patch.description = description.value;
  if (handlerName.value !== undefined) patch.handlerName = handlerName.value;
  return { ok: true, value: patch };
}

function applySettings(settings: FunctionSettings, patch: SettingsPatch): void {
  if (patch.timeoutSeconds !== undefined) settings.timeoutSeconds = patch.timeoutSeconds;
  if (patch.memorySizeMb !== undefined) settings.memorySizeMb = patch.memorySizeMb;
  if (patch.variables !== undefined) settings.variables = patch.variables;
  if (patch.deadLetterTargetArn !== undefined) settings.deadLetterTargetArn = patch.deadLetterTargetArn ?? undefined;
  if (patch.description !== undefined) settings.description = patch.description;
  if (patch.handlerName !== undefined) settings.handlerName = patch.handlerName;
}

export function createFunction(state: LambdaState, input: unknown): LambdaOutcome<FunctionConfiguration> {
  const params = asParams(input);
  const name = requiredString(params, "FunctionName");
  if (!name.ok) return name;
  const valid = validateFunctionName(name.value);
  if (!valid.ok) return valid;
  const handler = params.handler;
  if (typeof handler !== "function") {
    return invalidParameter(
      `handler must be the handler function itself, got ${show(handler)}.`,
      "Deploy with sb.lambda.createFunction({ FunctionName: \"orders\", handler: async (event, context) => { ... } }).",
    );
  }
  if (state.functions.has(name.value)) {
    return resourceConflict(`Function already exist: ${name.value}`,
      "Delete it first (DeleteFunctionCommand) or choose another FunctionName.");
  }
  const settings = parseSettings(params);
  if (!settings.ok) return settings;
  const runtime = optionalString(params, "Runtime");
  if (!runtime.ok) return runtime;
  const role = optionalString(params, "Role");
  if (!role.ok) return role;
  const reserved = optionalInteger(params, "ReservedConcurrentExecutions", { min: 0, max: state.accountConcurrency });
  if (!reserved.ok) return reserved;
  if (reserved.value !== undefined) {
    const fits = checkReserved(state, undefined, reserved.value);
    if (!fits.ok) return fits;
  }
  const now = state.clock.now();
  const fnSettings: FunctionSettings = {
    timeoutSeconds: TIMEOUT.default,
    memorySizeMb: MEMORY_SIZE.default,
    variables: {},
    handlerName: "index.handler",
    runtime: runtime.value ?? DEFAULT_RUNTIME,
    description: "",
    role: role.value ?? `arn:aws:iam::${state.accountId}:role/lambda-execution-role`,
    deadLetterTargetArn: undefined,
  };
  applySettings(fnSettings, settings.value);
  const fn: LambdaFunction = {
    name: name.value,
    arn: functionArn(state, name.value),
    handler: handler as LambdaFunction["handler"],
    settings: fnSettings,
    reserved: reserved.value,
    eventInvokeConfig: undefined,
    environments: [],
    active: 0,
    lastModified: now,
    deleted: false,
    logs: [],
    // No uuid drawn here: creating a function must not shift the ids drawn after it.
    policy: { statements: [], revisionId: "", parsed: undefined },
  };
  state.functions.set(fn.name, fn);
  state.trace.record("lambda", "create-function", fn.arn, {
    functionName: fn.name, timeout: fnSettings.timeoutSeconds, memorySize: fnSettings.memorySizeMb,
    reservedConcurrency: reserved.value ?? null,
  });
  return { ok: true, value: configurationOf(state, fn) };
}

export function updateFunctionConfiguration(state: LambdaState, input: unknown): LambdaOutcome<FunctionConfiguration> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const settings = parseSettings(params);
  if (!settings.ok) return settings;
  const fn = found.value;
  applySettings(fn.settings, settings.value);
  // New configuration, new execution environments (AWS replaces them after an update).
  fn.environments.splice(0, fn.environments.length, ...fn.environments.filter((env) => env.busy));
  fn.lastModified = state.clock.now();
  state.trace.record("lambda", "update-function", fn.arn, { functionName: fn.name, fields: Object.keys(params).filter((k) => k !== "FunctionName").join(",") });
  return { ok: true, value: configurationOf(state, fn) };
}

export function getFunction(state: LambdaState, input: unknown): LambdaOutcome<GetFunctionResult> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  return {
    ok: true,
    value: {
      Configuration: configurationOf(state, fn),
      Code: { RepositoryType: "S3", Location: `https://awslambda-${state.region}-tasks.s3.${state.region}.amazonaws.com/snapshots/${state.accountId}/${fn.name}` },
      ...(fn.reserved === undefined ? {} : { Concurrency: { ReservedConcurrentExecutions: fn.reserved } }),
    },
  };
}

export function listFunctions(state: LambdaState, input: unknown): LambdaOutcome<ListFunctionsResult> {
  const params = asParams(input);
  const max = optionalInteger(params, "MaxItems", { min: 1, max: 10_000 });
  if (!max.ok) return max;
  const marker = optionalString(params, "Marker");
  if (!marker.ok) return marker;
  const names = [...state.functions.keys()].sort();
  const start = marker.value === undefined ? 0 : Number.parseInt(marker.value, 10);
  if (!Number.isInteger(start) || start < 0 || start > names.length) return invalidParameter(`Invalid Marker: ${marker.value ?? ""}`);
  const size = max.value ?? 50;
  const page = names.slice(start, start + size);
  const next = start + size < names.length ? String(start + size) : undefined;
  return {
    ok: true,
    value: {
      Functions: page.map((name) => configurationOf(state, state.functions.get(name)!)),
      ...(next === undefined ? {} : { NextMarker: next }),
    },
  };
}

export function deleteFunction(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  state.functions.delete(fn.name);
  fn.deleted = true;
  state.trace.record("lambda", "delete-function", fn.arn, { functionName: fn.name, running: fn.active });
  return { ok: true, value: {} };
}

export function putFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<{ ReservedConcurrentExecutions: number }> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  if (params.ReservedConcurrentExecutions === undefined) return invalidParameter("ReservedConcurrentExecutions is required.");
  const value = optionalInteger(params, "ReservedConcurrentExecutions", { min: 0, max: state.accountConcurrency });
  if (!value.ok) return value;
  const fits = checkReserved(state, found.value, value.value!);
  if (!fits.ok) return fits;
  found.value.reserved = fits.value;
  state.trace.record("lambda", "put-concurrency", found.value.arn, { reservedConcurrency: fits.value });
  return { ok: true, value: { ReservedConcurrentExecutions: fits.value } };
}

export function deleteFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  found.value.reserved = undefined;
  state.trace.record("lambda", "delete-concurrency", found.value.arn, {});
  return { ok: true, value: {} };
}

export function getFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<{ ReservedConcurrentExecutions?: number }> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  const reserved = found.value.reserved;
  return { ok: true, value: reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved } };
}

const DESTINATION_SERVICES = new Set(["sqs", "sns", "lambda", "events"]);

function parseDestination(config: unknown, key: "OnSuccess" | "OnFailure"): LambdaOutcome<string | undefined> {
  if (config === undefined) return { ok: true, value: undefined };
  if (!isRecord(config)) return invalidParameter(`DestinationConfig.${key} must be { Destination: arn }, got ${show(config)}.`);
  const destination = config.Destination;
  if (destination === undefined || destination === "") return { ok: true, value: undefined };
  const arn = typeof destination === "string" ? parseArn(destination) : undefined;
  if (arn === undefined || !DESTINATION_SERVICES.has(arn.service)) {
    return invalidParameter(
      `The destination ARN ${String(destination)} is invalid.`,
      "A destination is an SQS queue, SNS topic, Lambda function or EventBridge event bus ARN.",
    );
  }
  return { ok: true, value: destination as string };
}

export function eventInvokeConfigOf(fn: LambdaFunction, config: EventInvokeConfig): FunctionEventInvokeConfig {
  return {
    LastModified: new Date(config.lastModified),
    FunctionArn: `${fn.arn}:$LATEST`,
    ...(config.maximumRetryAttempts === undefined ? {} : { MaximumRetryAttempts: config.maximumRetryAttempts }),
    ...(config.maximumEventAgeInSeconds === undefined ? {} : { MaximumEventAgeInSeconds: config.maximumEventAgeInSeconds }),
    DestinationConfig: {
      OnSuccess: config.onSuccess === undefined ? {} : { Destination: config.onSuccess },
      OnFailure: config.onFailure === undefined ? {} : { Destination: config.onFailure },
    },
  };
}

/** PutFunctionEventInvokeConfig replaces the whole configuration (AWS-FACTS C.4 items 18-19). */
export function putFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<FunctionEventInvokeConfig> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const retries = optionalInteger(params, "MaximumRetryAttempts", MAXIMUM_RETRY_ATTEMPTS);
  if (!retries.ok) return retries;
  const age = optionalInteger(params, "MaximumEventAgeInSeconds", MAXIMUM_EVENT_AGE_SECONDS);
  if (!age.ok) return age;
  const destinations = params.DestinationConfig;
  if (destinations !== undefined && !isRecord(destinations)) {
    return invalidParameter(`DestinationConfig must be { OnSuccess: { Destination }, OnFailure: { Destination } }, got ${show(destinations)}.`);
  }
  const onSuccess = parseDestination(destinations?.OnSuccess, "OnSuccess");
  if (!onSuccess.ok) return onSuccess;
  const onFailure = parseDestination(destinations?.OnFailure, "OnFailure");
  if (!onFailure.ok) return onFailure;
  const fn = found.value;
  for (const destination of [onSuccess.value, onFailure.value]) {
    if (destination !== undefined && destination === fn.arn) {
      return invalidParameter("You can't specify the function as a destination for itself.");
    }
  }
  const config: EventInvokeConfig = {
    maximumRetryAttempts: retries.value,
    maximumEventAgeInSeconds: age.value,
    onSuccess: onSuccess.value,
    onFailure: onFailure.value,
    lastModified: state.clock.now(),
  };
  fn.eventInvokeConfig = config;
  state.trace.record("lambda", "put-event-invoke-config", fn.arn, {
    maximumRetryAttempts: config.maximumRetryAttempts ?? null,
    maximumEventAgeInSeconds: config.maximumEventAgeInSeconds ?? null,
    onSuccess: config.onSuccess ?? null,
    onFailure: config.onFailure ?? null,
  });
  return { ok: true, value: eventInvokeConfigOf(fn, config) };
}

export function getFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<FunctionEventInvokeConfig> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  const config = found.value.eventInvokeConfig;
  if (config === undefined) {
    return resourceNotFound(`The function ${found.value.arn} doesn't have an EventInvokeConfig`);
  }
  return { ok: true, value: eventInvokeConfigOf(found.value, config) };
}

export function deleteFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  if (found.value.eventInvokeConfig === undefined) {
    return resourceNotFound(`The function ${found.value.arn} doesn't have an EventInvokeConfig`);
  }
  found.value.eventInvokeConfig = undefined;
  return { ok: true, value: {} };
}
