/** UpdateEventSourceMapping (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html). */
import { functionArn } from "../arn.ts";
import { findMapping, mappingConfiguration, parseMappingSettings, resourceInUse, settleLater, sourceQueue } from "../event-source-mapping.ts";
import { findFunction } from "../functions.ts";
import type { LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaState } from "../lambda-state.ts";
import type { EventSourceMappingConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";

export function updateEventSourceMapping(state: LambdaState, input: unknown): LambdaOutcome<EventSourceMappingConfiguration> {
  const params = asParams(input);
  const found = findMapping(state, params.UUID);
  if (!found.ok) return found;
  const mapping = found.value;
  if (mapping.state === "Creating" || mapping.state === "Updating" || mapping.state === "Deleting") {
    return resourceInUse(`Cannot update the event source mapping because it is in use.`);
  }
  let functionName = mapping.functionName;
  if (params.FunctionName !== undefined) {
    const fn = findFunction(state, params.FunctionName);
    if (!fn.ok) return fn;
    functionName = fn.value.name;
  }
  const queue = sourceQueue(state, mapping.eventSourceArn);
  const fifo = queue.ok && queue.value.fifo;
  const settings = parseMappingSettings(params, {
    batchSize: mapping.batchSize, batchingWindowSeconds: mapping.batchingWindowSeconds,
    functionResponseTypes: mapping.functionResponseTypes, maximumConcurrency: mapping.maximumConcurrency, enabled: mapping.enabled,
  }, fifo);
  if (!settings.ok) return settings;
  mapping.state = "Updating";
  mapping.lastModified = state.clock.now();
  state.trace.record("lambda", "esm-update", mapping.eventSourceArn, { uuid: mapping.uuid, enabled: settings.value.enabled });
  const response = { ...mappingConfiguration(state, mapping), ...{
    BatchSize: settings.value.batchSize, MaximumBatchingWindowInSeconds: settings.value.batchingWindowSeconds,
    FunctionResponseTypes: [...settings.value.functionResponseTypes], FunctionArn: functionArn(state, functionName),
  } };
  settleLater(state, mapping, () => {
    Object.assign(mapping, settings.value);
    mapping.functionName = functionName;
  });
  return { ok: true, value: response };
}
