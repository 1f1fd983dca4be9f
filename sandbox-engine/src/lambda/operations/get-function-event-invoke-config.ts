/** GetFunctionEventInvokeConfig. */
import { findFunction, eventInvokeConfigOf } from "../functions.ts";
import { resourceNotFound, type LambdaOutcome } from "../lambda-faults.ts";
import type { EventInvokeConfig, LambdaState } from "../lambda-state.ts";
import type { FunctionEventInvokeConfig } from "../lambda-types.ts";
import { asParams } from "../params.ts";

export function getFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<FunctionEventInvokeConfig> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  const config = found.value.eventInvokeConfig;
  if (config === undefined) {
    return resourceNotFound(`The function ${found.value.arn} doesn't have an EventInvokeConfig`);
  }
  return { ok: true, value: eventInvokeConfigOf(found.value, config) };
}
