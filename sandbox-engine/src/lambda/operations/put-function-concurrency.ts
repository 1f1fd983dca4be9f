/** PutFunctionConcurrency: reserved concurrency (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). */
import { resolveFunctionName } from "../arn.ts";
import { findFunction, checkReserved } from "../functions.ts";
import { invalidParameter, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams, optionalInteger } from "../params.ts";

export function putFunctionConcurrency(state: LambdaState, input: unknown): LambdaOutcome<{ ReservedConcurrentExecutions: number }> {
  const params = asParams(input);
  // Reserved concurrency belongs to the function, not a version (AWS-recorded: LocalStack's
  // test_function_concurrency_exceptions snapshot, like the ":$LATEST" of the not-found text).
  const resolved = typeof params.FunctionName === "string" ? resolveFunctionName(state, params.FunctionName) : undefined;
  if (resolved?.ok === true && resolved.value.qualifier !== undefined) {
    return invalidParameter(
      "This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. " +
        "Please specify either a function name or an unqualified function ARN.",
    );
  }
  const found = findFunction(state, params.FunctionName, "FunctionName", true);
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
