/**
 * Moving a message to its queue's dead-letter queue. AWS-FACTS B.3 item 24: after maxReceiveCount
 * receives, the next receive attempt moves the message; the copy keeps MessageId and Body, and its
 * retention still counts from the original enqueue time (item 26).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
import { nextSequenceNumber } from "./fifo.ts";
import type { StoredMessage } from "./message.ts";
import { copyStoredMessage } from "./message-factory.ts";
import { enqueue, removeMessage } from "./queue-index.ts";
import type { Queue } from "./queue.ts";
import type { SqsContext } from "./sqs-context.ts";

/** True when the message has used up its receives and must go to the dead-letter queue. */
export function dueForDeadLetter(queue: Queue, message: StoredMessage): boolean {
  return queue.redrivePolicy !== undefined && message.receiveCount >= queue.redrivePolicy.maxReceiveCount;
}

/**
 * Moves the message; returns false (and leaves it) when the dead-letter queue no longer exists.
 * (What AWS does then is UNVERIFIED: the SQS developer guide and API reference, the LocalStack
 * tests recorded against AWS and moto's tests were searched and none deletes the target queue;
 * here the message keeps being delivered from its queue.)
 * The copy keeps its receive count: the first receive from the dead-letter queue continues it
 * (LS validated test_dead_letter_queue_message_attributes: maxReceiveCount 1, then "2" in the DLQ).
 * A standard queue keeps the original enqueue time for retention; a FIFO queue resets it on the
 * move (setting-up-dead-letter-queue-retention.html).
 */
export function moveToDeadLetterQueue(ctx: SqsContext, source: Queue, message: StoredMessage): boolean {
  const policy = source.redrivePolicy;
  if (policy === undefined) return false;
  const dlq = ctx.queuesByArn.get(policy.deadLetterTargetArn);
  if (dlq === undefined || dlq.deleted) return false;
  removeMessage(source, message);
  const now = ctx.clock.now();
  const copy = copyStoredMessage(ctx, dlq, message, {
    sentTimestamp: dlq.fifo ? now : message.sentTimestamp,
    nextVisibleAt: now,
    sequenceNumber: dlq.fifo ? nextSequenceNumber(dlq) : undefined,
    deadLetterSourceArn: source.arn,
  });
  copy.receiveCount = message.receiveCount;
  copy.firstReceiveTimestamp = message.firstReceiveTimestamp;
  enqueue(ctx, dlq, copy, dlq.fifo ? copy.groupId : undefined);
  // Causes: the move follows the message's send; receives from the DLQ follow the move.
  copy.sentSeq = ctx.trace.record("sqs", "dead-letter", source.arn, {
    messageId: message.messageId,
    deadLetterQueueArn: dlq.arn,
    receiveCount: message.receiveCount,
    maxReceiveCount: policy.maxReceiveCount,
  }, message.sentSeq).seq;
  return true;
}
