/**
 * DeleteMessage: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html
 * Only the newest receipt handle deletes; an older handle, or one of an already deleted message,
 * succeeds and does nothing ("the request succeeds, but the message will not be deleted";
 * AWS-FACTS B.2 item 21). For standard queues this holds even after the visibility timeout.
 */
import { ok, type Outcome } from "../../errors/fault.ts";
import { asParams, requiredString } from "../params.ts";
import { findQueue, removeMessage, type SqsContext } from "../sqs-context.ts";
import { lookUpReceipt } from "./receipt-lookup.ts";

export function deleteMessage(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const handle = requiredString(params, "ReceiptHandle");
  if (!handle.ok) return handle;
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  const receipt = lookUpReceipt(queue.value, handle.value);
  if (!receipt.ok) return receipt;
  if (receipt.value.kind === "current") {
    const { messageId, receiveCount } = receipt.value.message;
    removeMessage(ctx, queue.value, messageId);
    ctx.trace.record("sqs", "delete", queue.value.arn, { messageId, receiveCount });
  }
  return ok({});
}
