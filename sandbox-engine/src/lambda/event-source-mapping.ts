/**
 * What the event source mapping operations (operations/*-event-source-mapping*.ts) share: settings
 * checks, the configuration as the API shows it, and the state transitions
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html; AWS-FACTS C.2
 * items 10-13). A new or changed mapping is "Creating"/"Updating"/"Deleting" for
 * ESM_STATE_TRANSITION_MS of virtual time, then "Enabled"/"Disabled" (or gone); Create, Update and
 * Delete answer HTTP 202.
 */
import { queueUrl } from "../sqs/queue-address.ts";
import { parseArn } from "../core/arn.ts";
import { functionArn } from "./arn.ts";
import { invalidParameter, resourceNotFound, type LambdaFailed, type LambdaOutcome } from "./lambda-faults.ts";
import { BATCH_SIZE, BATCHING_WINDOW_SECONDS, ESM_STATE_TRANSITION_MS, MAXIMUM_CONCURRENCY } from "./lambda-limits.ts";
import type { EventSourceMapping, LambdaState } from "./lambda-state.ts";
import type { EventSourceMappingConfiguration, FunctionResponseType } from "./lambda-types.ts";
import { isRecord, optionalBoolean, optionalInteger, show, type Params } from "./params.ts";
import { isPolling, schedulePoll, unwatchSqsIfIdle } from "./sqs-poller.ts";

export function resourceInUse(message: string): LambdaFailed {
  return { ok: false, fault: { code: "ResourceInUseException", message, httpStatusCode: 400,
    hint: `Wait ${ESM_STATE_TRANSITION_MS / 1000} s of virtual time (await sb.clock.advance(${ESM_STATE_TRANSITION_MS})) for the mapping to settle.` } };
}

function mappingNotFound(): LambdaFailed {
  return resourceNotFound("The resource you requested does not exist.", "Check the UUID that CreateEventSourceMapping returned.");
}

export function mappingConfiguration(state: LambdaState, mapping: EventSourceMapping): EventSourceMappingConfiguration {
  return {
    UUID: mapping.uuid,
    BatchSize: mapping.batchSize,
    MaximumBatchingWindowInSeconds: mapping.batchingWindowSeconds,
    EventSourceArn: mapping.eventSourceArn,
    // AWS-recorded mapping responses carry it (LocalStack's test_lambda_api snapshots).
    EventSourceMappingArn: `arn:aws:lambda:${state.region}:${state.accountId}:event-source-mapping:${mapping.uuid}`,
    FunctionArn: functionArn(state, mapping.functionName),
    LastModified: new Date(mapping.lastModified),
    LastProcessingResult: mapping.lastProcessingResult,
    State: mapping.state,
    StateTransitionReason: mapping.stateTransitionReason,
    FunctionResponseTypes: [...mapping.functionResponseTypes],
    ...(mapping.maximumConcurrency === undefined ? {} : { ScalingConfig: { MaximumConcurrency: mapping.maximumConcurrency } }),
  };
}

interface MappingSettings {
  batchSize: number;
  batchingWindowSeconds: number;
  functionResponseTypes: FunctionResponseType[];
  maximumConcurrency: number | undefined;
  enabled: boolean;
}

/** Validates the tunable fields over `base` (the current values, or the defaults). */
export function parseMappingSettings(params: Params, base: MappingSettings, fifo: boolean): LambdaOutcome<MappingSettings> {
  const batchSize = optionalInteger(params, "BatchSize", BATCH_SIZE);
  if (!batchSize.ok) return batchSize;
  const window = optionalInteger(params, "MaximumBatchingWindowInSeconds", BATCHING_WINDOW_SECONDS);
  if (!window.ok) return window;
  const enabled = optionalBoolean(params, "Enabled");
  if (!enabled.ok) return enabled;
  const out: MappingSettings = {
    ...base,
    ...(batchSize.value === undefined ? {} : { batchSize: batchSize.value }),
    ...(window.value === undefined ? {} : { batchingWindowSeconds: window.value }),
    ...(enabled.value === undefined ? {} : { enabled: enabled.value }),
  };
  const types = params.FunctionResponseTypes;
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length > 1 || types.some((type) => type !== "ReportBatchItemFailures")) {
      return invalidParameter(
        `FunctionResponseTypes must be [] or ["ReportBatchItemFailures"], got ${show(types)}.`,
      );
    }
    out.functionResponseTypes = [...(types as FunctionResponseType[])];
  }
  const scaling = params.ScalingConfig;
  if (scaling !== undefined) {
    if (!isRecord(scaling)) return invalidParameter(`ScalingConfig must be { MaximumConcurrency }, got ${show(scaling)}.`);
    const max = optionalInteger(scaling, "MaximumConcurrency", MAXIMUM_CONCURRENCY);
    if (!max.ok) {
      return invalidParameter(
        max.fault.message.replace("'maximumConcurrency'", "'scalingConfig.maximumConcurrency'"),
        "ScalingConfig.MaximumConcurrency is between 2 and 1000.",
      );
    }
    out.maximumConcurrency = max.value;
  }
  if (fifo && out.batchSize > BATCH_SIZE.maxFifo) {
    return invalidParameter(
      `1 validation error detected: Value '${out.batchSize}' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10`,
      "A mapping on a FIFO queue takes batches of at most 10 messages.",
    );
  }
  if (fifo && out.batchingWindowSeconds > 0) {
    // The window applies only to standard queues (AWS-FACTS C.2 item 10); message text UNVERIFIED (no AWS-recorded
    // sample in LocalStack's event source mapping snapshots or the docs).
    return invalidParameter("Batching window is not supported for FIFO queues.");
  }
  if (out.batchSize > 10 && out.batchingWindowSeconds === 0) {
    return invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
  }
  return { ok: true, value: out };
}

/** The queue behind an SQS ARN: checks it exists (AWS-FACTS C.2 item 11) and whether it is FIFO. */
export function sourceQueue(state: LambdaState, arn: unknown): LambdaOutcome<{ arn: string; fifo: boolean; visibilityTimeoutSeconds: number }> {
  if (typeof arn !== "string" || arn === "") return invalidParameter("EventSourceArn is required: the ARN of the SQS queue.");
  const parsed = parseArn(arn);
  if (parsed === undefined || parsed.service !== "sqs") {
    return invalidParameter(
      `Unsupported event source: ${arn}`,
      "The sandbox maps SQS queues: use the queue's ARN (GetQueueAttributes with AttributeNames [\"QueueArn\"]), not its URL.",
    );
  }
  const attributes = state.sqs.getQueueAttributes({ QueueUrl: queueUrl(parsed, parsed.resource), AttributeNames: ["FifoQueue", "VisibilityTimeout"] });
  if (!attributes.ok || parsed.region !== state.region || parsed.accountId !== state.accountId) {
    return invalidParameter(
      "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.",
    );
  }
  const values = attributes.value.Attributes ?? {};
  return { ok: true, value: { arn, fifo: values.FifoQueue === "true", visibilityTimeoutSeconds: Number(values.VisibilityTimeout ?? 30) } };
}

/** After ESM_STATE_TRANSITION_MS, a mapping settles into Enabled/Disabled (or is removed). */
export function settleLater(state: LambdaState, mapping: EventSourceMapping, apply: () => void): void {
  state.clock.setTimer(() => {
    if (mapping.deleted) return;
    const wasPolling = isPolling(mapping);
    apply();
    if (mapping.state === "Deleting") {
      mapping.deleted = true;
      state.mappings.delete(mapping.uuid);
      if (mapping.pollTimer !== undefined) state.clock.clearTimer(mapping.pollTimer);
      mapping.pollTimer = undefined;
      unwatchSqsIfIdle(state);
      state.trace.record("lambda", "esm-state", mapping.eventSourceArn, { uuid: mapping.uuid, state: "Deleted" });
      return;
    }
    mapping.state = mapping.enabled ? "Enabled" : "Disabled";
    mapping.lastModified = state.clock.now();
    state.trace.record("lambda", "esm-state", mapping.eventSourceArn, { uuid: mapping.uuid, state: mapping.state });
    if (isPolling(mapping)) {
      if (!wasPolling) mapping.enabledAt = state.clock.now();
      schedulePoll(state, mapping);
    }
  }, ESM_STATE_TRANSITION_MS);
}

export function findMapping(state: LambdaState, uuid: unknown): LambdaOutcome<EventSourceMapping> {
  if (typeof uuid !== "string" || uuid === "") return invalidParameter("UUID is required: the id CreateEventSourceMapping returned.");
  const mapping = state.mappings.get(uuid);
  return mapping === undefined ? mappingNotFound() : { ok: true, value: mapping };
}

