/**
 * DeleteQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteQueue.html
 * Deletes the queue and its messages; the name cannot be reused for 60 s (QueueDeletedRecently).
 * Long polls waiting on it end (they then report QueueDoesNotExist).
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, requiredString } from "../params.ts";
import { notifyPollers } from "../queue-index.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";

export function deleteQueue(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const queue = found.value;
  queue.deleted = true;
  ctx.queues.delete(queue.name);
  ctx.queuesByUrl.delete(queue.url);
  ctx.queuesByArn.delete(queue.arn);
  ctx.deletedAt.set(queue.name, ctx.clock.now());
  if (queue.wakeTimer !== undefined) ctx.clock.clearTimer(queue.wakeTimer);
  queue.wakeTimer = undefined;
  ctx.trace.record("sqs", "delete-queue", queue.arn, { queueName: queue.name, messages: queue.messages.size });
  notifyPollers(queue);
  return ok({});
}
