/** GetEventSourceMapping. */
import { findMapping, mappingConfiguration } from "../event-source-mapping.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { EventSourceMappingConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";

export function getEventSourceMapping(state: LambdaState, input: unknown): LambdaOutcome<EventSourceMappingConfiguration> {
  const found = findMapping(state, asParams(input).UUID);
  if (!found.ok) return found;
  return { ok: true, value: mappingConfiguration(state, found.value) };
}
