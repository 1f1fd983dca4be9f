/** GetFunction (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html). */
import { findFunction, configurationOf } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { GetFunctionResult } from "../lambda-types.ts";
import { asParams } from "../params.ts";

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
