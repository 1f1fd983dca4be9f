/** RemovePermission (https://docs.aws.amazon.com/lambda/latest/api/API_RemovePermission.html): removes one statement by its id. */
import { findFunction } from "../functions.ts";
import { invalidParameter, resourceNotFound, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import { asParams, show } from "../params.ts";

export function removePermission(state: LambdaState, input: unknown): LambdaOutcome<Record<string, never>> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  const sid = params.StatementId;
  if (typeof sid !== "string" || sid === "") return invalidParameter(`StatementId is required, got ${show(sid)}.`);
  const index = fn.policy.statements.findIndex((statement) => statement.Sid === sid);
  if (index === -1) {
    return resourceNotFound(`Statement ${sid} is not found in resource policy.`, "GetPolicyCommand shows the statements the function has.");
  }
  fn.policy.statements.splice(index, 1);
  fn.policy.parsed = undefined;
  fn.policy.revisionId = state.ids.uuid();
  state.trace.record("lambda", "remove-permission", fn.arn, { statementId: sid });
  return { ok: true, value: {} };
}
