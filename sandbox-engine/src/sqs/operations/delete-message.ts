/**
 * DeleteMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html
 * Only the newest receipt handle deletes; an older handle, or one of an already deleted message,
 * succeeds and does nothing (AWS-FACTS B.2 item 21). Standard queues accept the newest handle even
 * after the visibility timeout; FIFO queues refuse it then (item 22).
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, presentString, requiredString } from "../params.ts";
import { removeMessage } from "../queue-index.ts";
import type { Queue } from "../queue.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { DELETE } from "../trace-shapes.ts";
import { expiredOnFifo, lookUpReceipt } from "./receipt-lookup.ts";

const DONE: Outcome<Record<string, never>> = ok({});

/** Deletes by handle in a queue already found (also used per entry by DeleteMessageBatch). */
export function deleteByHandle(ctx: SqsContext, queue: Queue, handle: string): Outcome<Record<string, never>> {
  // The current handle of a message of this queue (lookUpReceipt's own first step, inlined).
  let message = queue.handles.get(handle);
  if (message !== undefined && message.receiptHandle !== handle) {
    // An older handle: "the request succeeds, but the message will not be deleted" (API_DeleteMessage.html).
    return DONE;
  }
  if (message === undefined) {
    const receipt = lookUpReceipt(queue, handle);
    if (!receipt.ok) return receipt;
    if (receipt.value.kind === "current") message = receipt.value.message;
  }
  if (message !== undefined) {
    const expired = expiredOnFifo(queue, message, handle, ctx.clock.now());
    if (expired !== undefined) return expired;
    removeMessage(queue, message);
    ctx.trace.recordCompact(DELETE, queue.arn, message.messageId, "", message.receiveCount, 0);
  }
  return DONE;
}

export function deleteMessage(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  let queueUrl = presentString(params, "QueueUrl");
  if (queueUrl === undefined) {
    const url = requiredString(params, "QueueUrl");
    if (!url.ok) return url;
    queueUrl = url.value;
  }
  let handle = presentString(params, "ReceiptHandle");
  if (handle === undefined) {
    const read = requiredString(params, "ReceiptHandle");
    if (!read.ok) return read;
    handle = read.value;
  }
  const queue = findQueue(ctx, queueUrl);
  if (!queue.ok) return queue;
  return deleteByHandle(ctx, queue.value, handle);
}
