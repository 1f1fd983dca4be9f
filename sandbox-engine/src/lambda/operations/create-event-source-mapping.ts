/** CreateEventSourceMapping for an SQS queue (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html). */
import { mappingConfiguration, parseMappingSettings, settleLater, sourceQueue } from "../event-source-mapping.ts";
import { findFunction } from "../functions.ts";
import { resourceConflict, type LambdaOutcome } from "../lambda-faults.ts";
import { BATCH_SIZE, BATCHING_WINDOW_SECONDS } from "../lambda-limits.ts";
import type { EventSourceMapping, LambdaState } from "../lambda-state.ts";
import type { EventSourceMappingConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";
import { watchSqs } from "../sqs-poller.ts";

export function createEventSourceMapping(state: LambdaState, input: unknown): LambdaOutcome<EventSourceMappingConfiguration> {
  const params = asParams(input);
  const queue = sourceQueue(state, params.EventSourceArn);
  if (!queue.ok) return queue;
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found;
  const fn = found.value;
  const settings = parseMappingSettings(
    params,
    { batchSize: BATCH_SIZE.default, batchingWindowSeconds: BATCHING_WINDOW_SECONDS.default, functionResponseTypes: [], maximumConcurrency: undefined, enabled: true },
    queue.value.fifo,
  );
  if (!settings.ok) return settings;
  for (const other of state.mappings.values()) {
    if (other.eventSourceArn === queue.value.arn && other.functionName === fn.name) {
      return resourceConflict(
        `An event source mapping with SQS arn (" ${queue.value.arn} ") and function (" ${fn.name} ") already exists. ` +
          `Please update or delete the existing mapping with UUID ${other.uuid}`,
      );
    }
  }
  const now = state.clock.now();
  const mapping: EventSourceMapping = {
    uuid: state.ids.uuid(),
    eventSourceArn: queue.value.arn,
    functionName: fn.name,
    ...settings.value,
    state: "Creating",
    stateTransitionReason: "USER_INITIATED",
    lastModified: now,
    lastProcessingResult: "No records processed",
    enabledAt: now,
    inFlightBatches: 0,
    pollTimer: undefined,
    pollAt: undefined,
    windowStartedAt: undefined,
    deleted: false,
  };
  state.mappings.set(mapping.uuid, mapping);
  watchSqs(state);
  state.trace.record("lambda", "esm-create", mapping.eventSourceArn, {
    uuid: mapping.uuid, functionName: fn.name, batchSize: mapping.batchSize, enabled: mapping.enabled,
  });
  settleLater(state, mapping, () => {});
  return { ok: true, value: mappingConfiguration(state, mapping) };
}
