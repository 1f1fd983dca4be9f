/** GetPolicy (https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html): the resource-based policy as JSON text. */
import { findFunction } from "../functions.ts";
import { resourceNotFound, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams } from "../params.ts";
import { policyDocument } from "../resource-policy.ts";

export interface GetPolicyResult {
  Policy: string;
  RevisionId: string;
}

export function getPolicy(state: LambdaState, input: unknown): LambdaOutcome<GetPolicyResult> {
  const found = findFunction(state, asParams(input).FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  if (fn.policy.statements.length === 0) {
    return resourceNotFound("The resource you requested does not exist.", `Function ${fn.name} has no resource-based policy yet: AddPermissionCommand adds one.`);
  }
  return { ok: true, value: { Policy: policyDocument(fn), RevisionId: fn.policy.revisionId } };
}
