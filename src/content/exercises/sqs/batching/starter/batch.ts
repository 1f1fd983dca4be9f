import {
  SQSClient,
  SendMessageCommand,
  SendMessageBatchCommand,
  DeleteMessageCommand,
  DeleteMessageBatchCommand,
  type Message,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

/** SQS takes at most 10 entries per batch request. */
export const MAX_BATCH = 10;

export interface SendReport {
  /** How many messages SQS stored. */
  sent: number;
  /** The messages SQS refused: position in `bodies`, error code and text. */
  failed: Array<{ index: number; code: string; message: string }>;
}

/** Splits a list into lists of at most `size` items. */
export function chunks<T>(items: T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends every body with SendMessageBatch, 10 per request. A batch
 * can partly fail; the call itself still succeeds, so read its
 * `Failed` list:
 * - SenderFault: true  -> the request was wrong (too big, ...):
 *   retrying will not help; report it in `failed`;
 * - SenderFault: false -> SQS had a problem: send those entries
 *   again (up to 3 attempts in all).
 */
export async function sendAll(queueUrl: string, bodies: string[]): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: [] };
  // TODO 1: replace this loop: send chunks of entries with
  //   SendMessageBatchCommand({ QueueUrl, Entries }). Each entry is
  //   { Id, MessageBody }; an Id must be unique within its batch,
  //   and the position in `bodies` (String(index)) works well.
  // TODO 2: count the response's Successful entries in report.sent.
  // TODO 3: for each Failed entry, find the body by its Id; retry
  //   it if SenderFault is false, otherwise add { index, code:
  //   Code, message: Message } to report.failed.
  for (const body of bodies) {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    report.sent++;
  }
  return report;
}

/**
 * Deletes received messages with DeleteMessageBatch, 10 per
 * request. Returns the MessageIds of the messages SQS could not
 * delete (they will come back: the consumer must not crash).
 */
export async function deleteAll(queueUrl: string, messages: Message[]): Promise<string[]> {
  const notDeleted: string[] = [];
  // TODO 4: use DeleteMessageBatchCommand with entries
  //   { Id, ReceiptHandle }, and collect the MessageId of every
  //   entry in the response's Failed list.
  for (const message of messages) {
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
  }
  return notDeleted;
}
