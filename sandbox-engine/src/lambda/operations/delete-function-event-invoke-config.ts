/** DeleteFunctionEventInvokeConfig. */
import { findFunction } from "../functions.ts";
import { resourceNotFound, type LambdaOutcome } from "../lambda-faults.ts";
import type { EventInvokeConfig, LambdaState } from "../lambda-state.ts";
import { asParams } from "../params.ts";

export function deleteFunctionEventInvokeConfig(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  if (found.value.eventInvokeConfig === undefined) {
    return resourceNotFound(`The function ${found.value.arn} doesn't have an EventInvokeConfig`);
  }
  found.value.eventInvokeConfig = undefined;
  return { ok: true, value: {} };
}
