/**
 * StartMessageMoveTask: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 * The source must be a dead-letter queue of some queue; one running task per source at a time.
 * Texts follow LocalStack's test_sqs_move_task snapshots recorded against AWS (2024-04-30), except
 * the queue-type mismatch, which no snapshot records (text ours, UNVERIFIED). See move-task.ts for
 * the simulated behaviour.
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { countVisible, startMoveTask } from "../move-task.ts";
import { asParams, optionalInteger, optionalString, requiredString } from "../params.ts";
import { queueByArn, type SqsContext } from "../sqs-context.ts";
import { MOVE_TASK_MAX_RATE } from "../sqs-limits.ts";
import type { StartMessageMoveTaskResult } from "../sqs-types.ts";

export function resourceNotFound(what: string, arn: string) {
  return fail("ResourceNotFoundException", `The resource that you specified for the ${what} parameter doesn't exist.`, {
    queryCode: "ResourceNotFoundException",
    hint: `No queue has the ARN ${arn}. Use the QueueArn from GetQueueAttributes.`,
  });
}

export function startMessageMoveTask(ctx: SqsContext, input: unknown): Outcome<StartMessageMoveTaskResult> {
  const params = asParams(input);
  const sourceArn = requiredString(params, "SourceArn");
  if (!sourceArn.ok) return sourceArn;
  const destinationArn = optionalString(params, "DestinationArn");
  if (!destinationArn.ok) return destinationArn;
  const rate = optionalInteger(params, "MaxNumberOfMessagesPerSecond", { min: 1, max: MOVE_TASK_MAX_RATE }, `Must be between 1 and ${MOVE_TASK_MAX_RATE}, if provided.`);
  if (!rate.ok) return rate;
  const source = queueByArn(ctx, sourceArn.value);
  if (source === undefined) return resourceNotFound("SourceArn", sourceArn.value);
  if (destinationArn.value !== undefined) {
    const destination = queueByArn(ctx, destinationArn.value);
    if (destination === undefined) return resourceNotFound("DestinationArn", destinationArn.value);
    if (destination.fifo !== source.fifo) {
      return fail("InvalidParameterValue", "The destination queue must be the same type of queue as the source queue.");
    }
  }
  const isDeadLetterQueue = [...ctx.queues.values()].some((queue) => queue.redrivePolicy?.deadLetterTargetArn === source.arn);
  if (!isDeadLetterQueue) {
    return fail("InvalidParameterValue", "Source queue must be configured as a Dead Letter Queue.", {
      hint: `No queue has ${source.name} as the deadLetterTargetArn of its RedrivePolicy.`,
    });
  }
  if (ctx.moveTasks.some((task) => task.sourceArn === source.arn && task.status === "RUNNING")) {
    return fail("InvalidParameterValue", "There is already a task running. Only one active task is allowed for a source queue arn at a given time.", {
      hint: "Wait for it to finish (ListMessageMoveTasks) or cancel it (CancelMessageMoveTask).",
    });
  }
  const taskHandle = btoa(JSON.stringify({ taskId: ctx.random.uuid(), sourceArn: source.arn }));
  startMoveTask(ctx, {
    taskHandle,
    sourceArn: source.arn,
    destinationArn: destinationArn.value,
    maxNumberOfMessagesPerSecond: rate.value,
    startedAt: ctx.clock.now(),
    toMove: countVisible(source),
    status: "RUNNING",
    moved: 0,
    failureReason: undefined,
    timer: undefined,
  });
  return ok({ TaskHandle: taskHandle });
}
