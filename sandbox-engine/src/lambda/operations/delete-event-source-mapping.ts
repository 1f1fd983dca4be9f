/** DeleteEventSourceMapping: Deleting, then gone a second later. */
import { findMapping, mappingConfiguration, resourceInUse, settleLater } from "../event-source-mapping.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { EventSourceMappingConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";

export function deleteEventSourceMapping(state: LambdaState, input: unknown): LambdaOutcome<EventSourceMappingConfiguration> {
  const found = findMapping(state, asParams(input).UUID);
  if (!found.ok) return found;
  const mapping = found.value;
  if (mapping.state === "Deleting") return resourceInUse("Cannot delete the event source mapping because it is in use.");
  mapping.state = "Deleting";
  mapping.lastModified = state.clock.now();
  if (mapping.pollTimer !== undefined) state.clock.clearTimer(mapping.pollTimer);
  mapping.pollTimer = undefined;
  mapping.pollAt = undefined;
  state.trace.record("lambda", "esm-delete", mapping.eventSourceArn, { uuid: mapping.uuid });
  settleLater(state, mapping, () => {});
  return { ok: true, value: mappingConfiguration(state, mapping) };
}
