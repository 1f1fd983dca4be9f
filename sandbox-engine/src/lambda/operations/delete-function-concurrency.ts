/** DeleteFunctionConcurrency. */
import { findFunction } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams } from "../params.ts";

export function deleteFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  found.value.reserved = undefined;
  state.trace.record("lambda", "delete-concurrency", found.value.arn, {});
  return { ok: true, value: {} };
}
