/** UpdateFunctionConfiguration (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html). */
import { findFunction, configurationOf, parseSettings, applySettings } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { FunctionConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";

export function updateFunctionConfiguration(state: LambdaState, input: unknown): LambdaOutcome<FunctionConfiguration> {
  const params = asParams(input);
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const settings = parseSettings(params);
  if (!settings.ok) return settings;
  const fn = found.value;
  applySettings(fn.settings, settings.value);
  // New configuration, new execution environments (AWS replaces them after an update).
  fn.environments.splice(0, fn.environments.length, ...fn.environments.filter((env) => env.busy));
  fn.lastModified = state.clock.now();
  state.trace.record("lambda", "update-function", fn.arn, { functionName: fn.name, fields: Object.keys(params).filter((k) => k !== "FunctionName").join(",") });
  return { ok: true, value: configurationOf(state, fn) };
}
