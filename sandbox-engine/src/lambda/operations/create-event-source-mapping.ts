/** CreateEventSourceMapping for an SQS queue (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html). */
import { mappingConfiguration, parseMappingSettings, settleLater, sourceQueue } from "../event-source-mapping.ts";
import { findFunction } from "../functions.ts";
import { invalidParameter, resourceConflict, type LambdaOutcome } from "../lambda-faults.ts";
import { BATCH_SIZE, BATCHING_WINDOW_SECONDS } from "../lambda-limits.ts";
import type { EventSourceMapping, LambdaState } from "../lambda-state.ts";
import type { EventSourceMappingConfiguration } from "../lambda-types.ts";
import { asParams } from "../params.ts";
import { watchSqs } from "../sqs-poller.ts";

/**
 * Checks in AWS's order and with its texts (LocalStack's AWS-recorded test_event_source_mapping_exceptions
 * snapshot): an event source is needed, an SQS mapping takes no DestinationConfig, the function must exist
 * (InvalidParameterValueException "Function does not exist", before the queue is looked at), then the queue.
 * The function's timeout may not exceed the queue's visibility timeout ("Queue visibility timeout: 30 seconds
 * is less than Function timeout: 60 seconds", the InvalidParameterValueException AWS answers; the rule is in
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
 */
export function createEventSourceMapping(state: LambdaState, input: unknown): LambdaOutcome<EventSourceMappingConfiguration> {
  const params = asParams(input);
  if (params.EventSourceArn === undefined || params.EventSourceArn === "") return invalidParameter("Unrecognized event source.");
  if (params.DestinationConfig !== undefined) return invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
  const found = findFunction(state, params.FunctionName);
  if (!found.ok) return found.fault.code === "ResourceNotFoundException" ? invalidParameter("Function does not exist") : found;
  const fn = found.value;
  const queue = sourceQueue(state, params.EventSourceArn);
  if (!queue.ok) return queue;
  if (fn.settings.timeoutSeconds > queue.value.visibilityTimeoutSeconds) {
    return invalidParameter(
      `Queue visibility timeout: ${queue.value.visibilityTimeoutSeconds} seconds is less than Function timeout: ${fn.settings.timeoutSeconds} seconds`,
      "Set the queue's VisibilityTimeout to at least the function's Timeout (AWS recommends six times it).",
    );
  }
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
