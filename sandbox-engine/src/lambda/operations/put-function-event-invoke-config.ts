/** PutFunctionEventInvokeConfig (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html). */
import { findFunction, parseDestination, eventInvokeConfigOf } from "../functions.ts";
import { invalidParameter, resourceNotFound, type LambdaOutcome } from "../lambda-faults.ts";
import { MAXIMUM_EVENT_AGE_SECONDS, MAXIMUM_RETRY_ATTEMPTS } from "../lambda-limits.ts";
import type { EventInvokeConfig, LambdaState } from "../lambda-state.ts";
import type { FunctionEventInvokeConfig } from "../lambda-types.ts";
import { asParams, isRecord, optionalInteger, show } from "../params.ts";

/** PutFunctionEventInvokeConfig replaces the whole configuration (AWS-FACTS C.4 items 18-19). */
export function putFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<FunctionEventInvokeConfig> {
  const params = asParams(input);
  // AWS-recorded texts and order: LocalStack's test_lambda_eventinvokeconfig_exceptions snapshot.
  if (params.MaximumRetryAttempts === undefined && params.MaximumEventAgeInSeconds === undefined && params.DestinationConfig === undefined) {
    return invalidParameter("You must specify at least one of error handling or destination setting.");
  }
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found.fault.code === "ResourceNotFoundException" ? resourceNotFound("The function doesn't exist.") : found;
  const retries = optionalInteger(params, "MaximumRetryAttempts", MAXIMUM_RETRY_ATTEMPTS);
  if (!retries.ok) return retries;
  const age = optionalInteger(params, "MaximumEventAgeInSeconds", MAXIMUM_EVENT_AGE_SECONDS);
  if (!age.ok) return age;
  const destinations = params.DestinationConfig;
  if (destinations !== undefined && !isRecord(destinations)) {
    return invalidParameter(`DestinationConfig must be { OnSuccess: { Destination }, OnFailure: { Destination } }, got ${show(destinations)}.`);
  }
  const fn = found.value;
  for (const key of ["OnSuccess", "OnFailure"] as const) {
    const destination = (destinations?.[key] as { Destination?: unknown } | undefined)?.Destination;
    if (destination !== undefined && destination === fn.arn) {
      return invalidParameter("You can't specify the function as a destination for itself.");
    }
  }
  const onSuccess = parseDestination(state, destinations?.OnSuccess, "OnSuccess", destinations);
  if (!onSuccess.ok) return onSuccess;
  const onFailure = parseDestination(state, destinations?.OnFailure, "OnFailure", destinations);
  if (!onFailure.ok) return onFailure;
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
