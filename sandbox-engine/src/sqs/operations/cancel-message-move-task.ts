/**
 * CancelMessageMoveTask: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CancelMessageMoveTask.html
 * Only a running task can be cancelled; messages already moved stay where they are.
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { cancelMoveTask } from "../move-task.ts";
import { asParams, requiredString } from "../params.ts";
import type { SqsContext } from "../sqs-context.ts";
import type { CancelMessageMoveTaskResult } from "../sqs-types.ts";

export function cancelMessageMoveTask(ctx: SqsContext, input: unknown): Outcome<CancelMessageMoveTaskResult> {
  const params = asParams(input);
  const handle = requiredString(params, "TaskHandle");
  if (!handle.ok) return handle;
  const task = ctx.moveTasks.find((candidate) => candidate.taskHandle === handle.value && candidate.status === "RUNNING");
  if (task === undefined) {
    return fail("ResourceNotFoundException", "The task handle does not name a running message move task.", {
      queryCode: "ResourceNotFoundException",
      hint: "Take the TaskHandle from StartMessageMoveTask or ListMessageMoveTasks while the task is RUNNING.",
    });
  }
  cancelMoveTask(ctx, task);
  return ok({ ApproximateNumberOfMessagesMoved: task.moved });
}
