/**
 * ListMessageMoveTasks: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListMessageMoveTasks.html
 * The most recent tasks of a source queue first, MaxResults 1-10 (default 1). TaskHandle is only
 * given for a running task.
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, optionalInteger, requiredString } from "../params.ts";
import { queueByArn, type SqsContext } from "../sqs-context.ts";
import type { ListMessageMoveTasksResult, ListMessageMoveTasksResultEntry } from "../sqs-types.ts";
import { resourceNotFound } from "./start-message-move-task.ts";

export function listMessageMoveTasks(ctx: SqsContext, input: unknown): Outcome<ListMessageMoveTasksResult> {
  const params = asParams(input);
  const sourceArn = requiredString(params, "SourceArn");
  if (!sourceArn.ok) return sourceArn;
  const max = optionalInteger(params, "MaxResults", { min: 1, max: 10 }, "Must be between 1 and 10, if provided.");
  if (!max.ok) return max;
  if (queueByArn(ctx, sourceArn.value) === undefined) return resourceNotFound("SourceArn", sourceArn.value);
  const results: ListMessageMoveTasksResultEntry[] = ctx.moveTasks
    .filter((task) => task.sourceArn === sourceArn.value)
    .reverse()
    .slice(0, max.value ?? 1)
    .map((task) => ({
      ...(task.status === "RUNNING" ? { TaskHandle: task.taskHandle } : {}),
      Status: task.status,
      SourceArn: task.sourceArn,
      ...(task.destinationArn === undefined ? {} : { DestinationArn: task.destinationArn }),
      ...(task.maxNumberOfMessagesPerSecond === undefined ? {} : { MaxNumberOfMessagesPerSecond: task.maxNumberOfMessagesPerSecond }),
      ApproximateNumberOfMessagesMoved: task.moved,
      ApproximateNumberOfMessagesToMove: task.toMove,
      ...(task.failureReason === undefined ? {} : { FailureReason: task.failureReason }),
      StartedTimestamp: task.startedAt,
    }));
  return ok({ Results: results });
}
