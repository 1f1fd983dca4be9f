/**
 * Stage variables: names of alphanumerics and underscores up to 64 characters, values up to 512 of
 * alphanumerics and -._~:/?#&=, (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
 */
import { ok } from "../../core/outcome.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { MAX_STAGE_VARIABLE_NAME, MAX_STAGE_VARIABLE_VALUE } from "../apigateway-limits.ts";

export function checkStageVariables(given: unknown): ApiGatewayOutcome<Record<string, string>> {
  if (given === undefined || given === null) return ok({});
  if (typeof given !== "object") return badRequest("Stage variables must be a map of names to values");
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    const error = stageVariableError(name, value);
    if (error !== undefined) return badRequest(error);
    variables[name] = value as string;
  }
  return ok(variables);
}

export function stageVariableError(name: string, value: unknown): string | undefined {
  if (!new RegExp(`^[A-Za-z0-9_]{1,${MAX_STAGE_VARIABLE_NAME}}$`).test(name)) {
    return `Stage variable name ${name} must be alphanumeric or underscore and at most ${MAX_STAGE_VARIABLE_NAME} characters`;
  }
  if (typeof value !== "string" || !new RegExp(`^[A-Za-z0-9\\-._~:/?#&=,]{0,${MAX_STAGE_VARIABLE_VALUE}}$`).test(value)) {
    return `Stage variable value ${String(value)} must be at most ${MAX_STAGE_VARIABLE_VALUE} of the characters A-Za-z0-9-._~:/?#&=,`;
  }
  return undefined;
}
