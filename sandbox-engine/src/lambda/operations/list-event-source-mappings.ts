/** ListEventSourceMappings, by function or event source, with MaxItems/Marker. */
import { mappingConfiguration } from "../event-source-mapping.ts";
import { findFunction } from "../functions.ts";
import { invalidParameter, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { ListEventSourceMappingsResult } from "../lambda-types.ts";
import { asParams, optionalInteger, optionalString } from "../params.ts";

export function listEventSourceMappings(state: LambdaState, input: unknown): LambdaOutcome<ListEventSourceMappingsResult> {
  const params = asParams(input);
  const source = optionalString(params, "EventSourceArn");
  if (!source.ok) return source;
  let functionName: string | undefined;
  if (params.FunctionName !== undefined) {
    // An unknown function has no mappings: AWS answers an empty list, not ResourceNotFoundException
    // (LocalStack's AWS-validated test_event_source_mapping_exceptions lists FunctionName "doesnotexist").
    const fn = findFunction(state, params.FunctionName);
    if (!fn.ok) return fn.fault.code === "ResourceNotFoundException" ? { ok: true, value: { EventSourceMappings: [] } } : fn;
    functionName = fn.value.name;
  }
  const max = optionalInteger(params, "MaxItems", { min: 1, max: 10_000 });
  if (!max.ok) return max;
  const marker = optionalString(params, "Marker");
  if (!marker.ok) return marker;
  const all = [...state.mappings.values()].filter(
    (mapping) => (source.value === undefined || mapping.eventSourceArn === source.value) && (functionName === undefined || mapping.functionName === functionName),
  );
  const start = marker.value === undefined ? 0 : Number.parseInt(marker.value, 10);
  if (!Number.isInteger(start) || start < 0 || start > all.length) return invalidParameter(`Invalid Marker: ${marker.value ?? ""}`);
  const size = max.value ?? 100;
  const page = all.slice(start, start + size);
  return {
    ok: true,
    value: {
      EventSourceMappings: page.map((mapping) => mappingConfiguration(state, mapping)),
      ...(start + size < all.length ? { NextMarker: String(start + size) } : {}),
    },
  };
}
