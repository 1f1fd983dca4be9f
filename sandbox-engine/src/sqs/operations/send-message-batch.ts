/**
 * SendMessageBatch: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 * Up to 10 entries. Some problems fail the whole request, before anything is sent (LS validated):
 * on a FIFO queue an entry without MessageGroupId, or without a deduplication id when the queue has
 * no content-based deduplication (test_send_batch_missing_*_for_fifo_queue); and entries adding up
 * to more than 1 MiB, counting every entry (BatchRequestTooLong, AWS-FACTS B.1 item 6,
 * test_send_message_batch_with_oversized_contents). Otherwise each entry succeeds or fails on its
 * own, with the code SendMessage would give; entries are committed in order.
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { failedEntry, readBatchEntries, type BatchEntry } from "../batch.ts";
import { asParams, requiredString } from "../params.ts";
import type { Queue } from "../queue.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { MAX_BATCH_BYTES } from "../sqs-limits.ts";
import type { BatchResultErrorEntry, SendMessageBatchResult, SendMessageBatchResultEntry } from "../sqs-types.ts";
import { commitSend, prepareSend, readSendFields, sendSize, type PreparedSend, type SendFields } from "./send-message.ts";

const ACCEPTED: Outcome<true> = Object.freeze({ ok: true, value: true });

/** The FIFO checks that refuse the whole batch, in entry order (LS validated texts, InvalidParameterValue). */
function checkFifoBatch(queue: Queue, entries: readonly BatchEntry[]): Outcome<true> {
  if (!queue.fifo) return ACCEPTED;
  for (const { params } of entries) {
    if (!queue.contentBasedDeduplication && typeof params["MessageDeduplicationId"] !== "string") {
      return fail("InvalidParameterValue", "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly", {
        hint: 'Give every entry a MessageDeduplicationId, or create the queue with ContentBasedDeduplication: "true".',
      });
    }
    if (typeof params["MessageGroupId"] !== "string") {
      return fail("InvalidParameterValue", "The request must contain the parameter MessageGroupId.", {
        hint: "Every entry sent to a FIFO queue needs a MessageGroupId.",
      });
    }
  }
  return ACCEPTED;
}

export function sendMessageBatch(ctx: SqsContext, input: unknown): Outcome<SendMessageBatchResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const entries = readBatchEntries(params, "SendMessageBatchRequestEntry");
  if (!entries.ok) return entries;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const queue = found.value;
  const fifo = checkFifoBatch(queue, entries.value);
  if (!fifo.ok) return fifo;

  const read: Array<{ id: string; fields: Outcome<SendFields> }> = entries.value.map((entry) => ({ id: entry.id, fields: readSendFields(entry.params) }));
  let total = 0;
  for (const { fields } of read) total += fields.ok ? sendSize(fields.value) : 0;
  if (total > MAX_BATCH_BYTES) {
    // AWS-FACTS B.1 item 6 (validated text). Nothing is sent.
    return fail("BatchRequestTooLong", `Batch requests cannot be longer than ${MAX_BATCH_BYTES} bytes. You have sent ${total} bytes.`, {
      queryCode: "AWS.SimpleQueueService.BatchRequestTooLong",
      hint: "Send fewer or smaller messages per batch.",
    });
  }
  const failed: BatchResultErrorEntry[] = [];
  const prepared: Array<{ id: string; send: PreparedSend }> = [];
  for (const { id, fields } of read) {
    const send = fields.ok ? prepareSend(queue, fields.value, true) : fields;
    if (send.ok) prepared.push({ id, send: send.value });
    else failed.push(failedEntry(id, send.fault));
  }
  const successful = prepared.map(({ id, send }): SendMessageBatchResultEntry => {
    const sent = commitSend(ctx, queue, send);
    return { Id: id, ...sent, MessageId: sent.MessageId, MD5OfMessageBody: sent.MD5OfMessageBody };
  });
  return ok({ Successful: successful, Failed: failed });
}
