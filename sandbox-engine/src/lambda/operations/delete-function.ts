/** DeleteFunction (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html). */
import { findFunction } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams } from "../params.ts";

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
