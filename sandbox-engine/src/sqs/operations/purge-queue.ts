/**
 * PurgeQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
 * Deletes every message (AWS takes up to 60 s; the sandbox does it at once). One purge per 60 s:
 * otherwise PurgeQueueInProgress, HTTP 403 (AWS-FACTS B.1 item 16, validated text). A purge also
 * forgets FIFO deduplication ids (LS validated test_purge_queue_clears_fifo_deduplication_cache).
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, requiredString } from "../params.ts";
import { removeMessage } from "../queue-index.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { PURGE_INTERVAL_MS } from "../sqs-limits.ts";

export function purgeQueue(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const queue = found.value;
  const now = ctx.clock.now();
  if (queue.lastPurgeAt !== undefined && now < queue.lastPurgeAt + PURGE_INTERVAL_MS) {
    return fail("PurgeQueueInProgress", `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`, {
      httpStatusCode: 403,
      queryCode: "AWS.SimpleQueueService.PurgeQueueInProgress",
      hint: `Wait ${Math.ceil((queue.lastPurgeAt + PURGE_INTERVAL_MS - now) / 1000)} more s before purging again.`,
    });
  }
  queue.lastPurgeAt = now;
  const messages = [...queue.messages.values()];
  for (const message of messages) removeMessage(queue, message);
  queue.deduplication.clear();
  ctx.trace.record("sqs", "purge", queue.arn, { messages: messages.length });
  return ok({});
}
