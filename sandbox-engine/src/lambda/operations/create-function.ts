/** CreateFunction, from a function value (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html). */
import { functionArn, validateFunctionName } from "../arn.ts";
import { configurationOf, checkReserved, parseSettings, applySettings, DEFAULT_RUNTIME } from "../functions.ts";
import { invalidParameter, resourceConflict, type LambdaOutcome } from "../lambda-faults.ts";
import { MEMORY_SIZE, TIMEOUT } from "../lambda-limits.ts";
import type { FunctionSettings, LambdaFunction, LambdaState } from "../lambda-state.ts";
import type { FunctionConfiguration } from "../lambda-types.ts";
import { asParams, optionalInteger, optionalString, requiredString, show } from "../params.ts";

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
