/** GetFunctionConcurrency. */
import { findFunction } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams } from "../params.ts";

export function getFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<{ ReservedConcurrentExecutions?: number }> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  const reserved = found.value.reserved;
  return { ok: true, value: reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved } };
}
