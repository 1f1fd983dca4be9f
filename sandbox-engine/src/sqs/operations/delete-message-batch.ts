/**
 * DeleteMessageBatch: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessageBatch.html
 * Each entry { Id, ReceiptHandle } succeeds or fails on its own, like DeleteMessage.
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { failedEntry, readBatchEntries } from "../batch.ts";
import { asParams, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { BatchResultErrorEntry, DeleteMessageBatchResult } from "../sqs-types.ts";
import { deleteByHandle } from "./delete-message.ts";

export function deleteMessageBatch(ctx: SqsContext, input: unknown): Outcome<DeleteMessageBatchResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const entries = readBatchEntries(params, "DeleteMessageBatchRequestEntry");
  if (!entries.ok) return entries;
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  const successful: Array<{ Id: string }> = [];
  const failed: BatchResultErrorEntry[] = [];
  for (const entry of entries.value) {
    const handle = requiredString(entry.params, "ReceiptHandle");
    const done = handle.ok ? deleteByHandle(ctx, queue.value, handle.value) : handle;
    if (done.ok) successful.push({ Id: entry.id });
    else failed.push(failedEntry(entry.id, done.fault));
  }
  return ok({ Successful: successful, Failed: failed });
}
