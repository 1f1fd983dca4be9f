/**
 * SendMessageBatch: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 * Up to 10 entries, 1 MiB in all (BatchRequestTooLong, AWS-FACTS B.1 item 6). Each entry succeeds
 * or fails on its own, with the code SendMessage would give (a missing MessageGroupId is
 * InvalidParameterValue here, B.4 item 30). Entries are committed in order.
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { failedEntry, readBatchEntries } from "../batch.ts";
import { asParams, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { MAX_BATCH_BYTES } from "../sqs-limits.ts";
import type { BatchResultErrorEntry, SendMessageBatchResult, SendMessageBatchResultEntry } from "../sqs-types.ts";
import { commitSend, prepareSend, readSendFields, type PreparedSend } from "./send-message.ts";

export function sendMessageBatch(ctx: SqsContext, input: unknown): Outcome<SendMessageBatchResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const entries = readBatchEntries(params, "SendMessageBatchRequestEntry");
  if (!entries.ok) return entries;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const queue = found.value;

  const failed: BatchResultErrorEntry[] = [];
  const prepared: Array<{ id: string; send: PreparedSend }> = [];
  let total = 0;
  for (const entry of entries.value) {
    const fields = readSendFields(entry.params);
    const send = fields.ok ? prepareSend(queue, fields.value, true) : fields;
    if (!send.ok) {
      failed.push(failedEntry(entry.id, send.fault));
      continue;
    }
    total += send.value.size;
    prepared.push({ id: entry.id, send: send.value });
  }
  if (total > MAX_BATCH_BYTES) {
    // AWS-FACTS B.1 item 6 (validated text). Nothing is sent.
    return fail("BatchRequestTooLong", `Batch requests cannot be longer than ${MAX_BATCH_BYTES} bytes. You have sent ${total} bytes.`, {
      queryCode: "AWS.SimpleQueueService.BatchRequestTooLong",
      hint: "Send fewer or smaller messages per batch.",
    });
  }
  const successful = prepared.map(({ id, send }): SendMessageBatchResultEntry => {
    const sent = commitSend(ctx, queue, send);
    return { Id: id, ...sent, MessageId: sent.MessageId, MD5OfMessageBody: sent.MD5OfMessageBody };
  });
  return ok({ Successful: successful, Failed: failed });
}
