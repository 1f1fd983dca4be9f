/**
 * ChangeMessageVisibilityBatch:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibilityBatch.html
 * Each entry { Id, ReceiptHandle, VisibilityTimeout } succeeds or fails on its own.
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { failedEntry, readBatchEntries } from "../batch.ts";
import { asParams, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { BatchResultErrorEntry, ChangeMessageVisibilityBatchResult } from "../sqs-types.ts";
import { changeVisibilityByHandle, readVisibilityTimeout } from "./change-message-visibility.ts";

export function changeMessageVisibilityBatch(ctx: SqsContext, input: unknown): Outcome<ChangeMessageVisibilityBatchResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const entries = readBatchEntries(params, "ChangeMessageVisibilityBatchRequestEntry");
  if (!entries.ok) return entries;
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  const successful: Array<{ Id: string }> = [];
  const failed: BatchResultErrorEntry[] = [];
  for (const entry of entries.value) {
    const handle = requiredString(entry.params, "ReceiptHandle");
    const timeout = handle.ok ? readVisibilityTimeout(entry.params) : handle;
    const done = !handle.ok ? handle : !timeout.ok ? timeout : changeVisibilityByHandle(ctx, queue.value, handle.value, timeout.value);
    if (done.ok) successful.push({ Id: entry.id });
    else failed.push(failedEntry(entry.id, done.fault));
  }
  return ok({ Successful: successful, Failed: failed });
}
