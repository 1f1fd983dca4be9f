/** ListFunctions with MaxItems/Marker (https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html). */
import { configurationOf } from "../functions.ts";
import { invalidParameter, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { ListFunctionsResult } from "../lambda-types.ts";
import { asParams, optionalInteger, optionalString } from "../params.ts";

export function listFunctions(state: LambdaState, input: unknown): LambdaOutcome<ListFunctionsResult> {
  const params = asParams(input);
  const max = optionalInteger(params, "MaxItems", { min: 1, max: 10_000 });
  if (!max.ok) return max;
  const marker = optionalString(params, "Marker");
  if (!marker.ok) return marker;
  const names = [...state.functions.keys()].sort();
  const start = marker.value === undefined ? 0 : Number.parseInt(marker.value, 10);
  if (!Number.isInteger(start) || start < 0 || start > names.length) return invalidParameter(`Invalid Marker: ${marker.value ?? ""}`);
  const size = max.value ?? 50;
  const page = names.slice(start, start + size);
  const next = start + size < names.length ? String(start + size) : undefined;
  return {
    ok: true,
    value: {
      Functions: page.map((name) => configurationOf(state, state.functions.get(name)!)),
      ...(next === undefined ? {} : { NextMarker: next }),
    },
  };
}
