/**
 * Message move tasks (dead-letter queue redrive): move the messages of a dead-letter queue back to
 * the queues they came from, or to a DestinationArn, at MaxNumberOfMessagesPerSecond, on the
 * virtual clock (one batch per virtual second).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 *
 * Guesses, UNVERIFIED because neither the redrive guide nor the StartMessageMoveTask reference says,
 * and LocalStack's test_sqs_move_task snapshots recorded against AWS cover only the request errors
 * and the moved bodies: the task moves the messages visible when it starts (in-flight ones stay);
 * a moved message keeps its MessageId, body and attributes, starts a new retention period and a
 * receive count of 0; a message with no source queue (sent to the DLQ directly) and no
 * DestinationArn fails the task.
 */
import { nextSequenceNumber } from "./fifo.ts";
import type { StoredMessage } from "./message.ts";
import { copyStoredMessage } from "./message-factory.ts";
import { enqueue, removeMessage } from "./queue-index.ts";
import type { Queue } from "./queue.ts";
import { queueByArn } from "./sqs-context.ts";
import type { MoveTask, MoveTaskStatus, SqsContext } from "./sqs-state.ts";

export type { MoveTask, MoveTaskStatus } from "./sqs-state.ts";

/** Messages per virtual second when the request gives no MaxNumberOfMessagesPerSecond (AWS: "system optimized"). */
export const DEFAULT_MOVE_RATE = 500;

/** Visible messages in the order a redrive takes them. */
function visibleMessages(queue: Queue, limit: number): StoredMessage[] {
  const out: StoredMessage[] = [];
  if (!queue.fifo) {
    for (let m = queue.readyHead; m !== undefined && out.length < limit; m = m.next) out.push(m);
    return out;
  }
  for (const group of queue.groups.values()) {
    for (let m = group.head; m !== undefined && out.length < limit; m = m.groupNext) {
      if (m.location === "ready") out.push(m);
    }
  }
  return out;
}

export function countVisible(queue: Queue): number {
  return visibleMessages(queue, Number.POSITIVE_INFINITY).length;
}

function finish(ctx: SqsContext, task: MoveTask, status: MoveTaskStatus, reason?: string): void {
  task.status = status;
  task.failureReason = reason;
  if (task.timer !== undefined) ctx.clock.clearTimer(task.timer);
  task.timer = undefined;
  ctx.trace.record("sqs", "move-task-finished", task.sourceArn, {
    status,
    moved: task.moved,
    ...(reason === undefined ? {} : { failureReason: reason }),
  });
}

/** One virtual second of work; schedules the next one while messages remain. */
function step(ctx: SqsContext, task: MoveTask): void {
  task.timer = undefined;
  if (task.status !== "RUNNING") return;
  const source = queueByArn(ctx, task.sourceArn);
  if (source === undefined) return finish(ctx, task, "FAILED", "The source queue was deleted.");
  const rate = task.maxNumberOfMessagesPerSecond ?? DEFAULT_MOVE_RATE;
  for (const message of visibleMessages(source, Math.min(rate, task.toMove - task.moved))) {
    const destinationArn = task.destinationArn ?? message.deadLetterSourceArn;
    if (destinationArn === undefined) {
      return finish(ctx, task, "FAILED", `Message ${message.messageId} was not moved here from another queue: give the task a DestinationArn.`);
    }
    const destination = queueByArn(ctx, destinationArn);
    if (destination === undefined) {
      return finish(ctx, task, "FAILED", `The destination queue ${destinationArn} does not exist.`);
    }
    removeMessage(source, message);
    const now = ctx.clock.now();
    const copy = copyStoredMessage(ctx, destination, message, {
      sentTimestamp: now,
      nextVisibleAt: now,
      sequenceNumber: destination.fifo ? nextSequenceNumber(destination) : undefined,
      deadLetterSourceArn: undefined,
    });
    enqueue(ctx, destination, copy, destination.fifo ? copy.groupId : undefined);
    task.moved += 1;
    // Receives from the destination follow the move, which follows the message's arrival in the DLQ.
    copy.sentSeq = ctx.trace.record("sqs", "move-task-moved", source.arn, { messageId: message.messageId, destinationArn }, message.sentSeq).seq;
  }
  if (task.moved >= task.toMove || countVisible(source) === 0) return finish(ctx, task, "COMPLETED");
  task.timer = ctx.clock.setTimer(() => step(ctx, task), 1000);
}

export function startMoveTask(ctx: SqsContext, task: MoveTask): void {
  ctx.moveTasks.push(task);
  ctx.trace.record("sqs", "move-task-started", task.sourceArn, {
    taskHandle: task.taskHandle,
    toMove: task.toMove,
    destinationArn: task.destinationArn ?? null,
  });
  task.timer = ctx.clock.setTimer(() => step(ctx, task), 1000);
}

export function cancelMoveTask(ctx: SqsContext, task: MoveTask): void {
  finish(ctx, task, "CANCELLED");
}
