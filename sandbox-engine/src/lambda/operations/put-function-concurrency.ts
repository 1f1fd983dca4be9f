/** PutFunctionConcurrency: reserved concurrency (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). */
import { findFunction, checkReserved } from "../functions.ts";
import { invalidParameter, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams, optionalInteger } from "../params.ts";

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
