import {
  SQSClient,
  SendMessageBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

export const MAX_BATCH = 10;
const MAX_ATTEMPTS = 3;

export interface SendReport {
  sent: number;
  failed: Array<{ index: number; code: string; message: string }>;
}

export function chunks<T>(items: T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function sendAll(queueUrl: string, bodies: string[]): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: [] };
  const indexes = bodies.map((_, index) => index);
  for (const batch of chunks(indexes)) {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { Successful = [], Failed = [] } = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          // The Id ties each result back to its body.
          Entries: pending.map((index) => ({ Id: String(index), MessageBody: bodies[index] })),
        }),
      );
      report.sent += Successful.length;
      const retry: number[] = [];
      for (const failure of Failed) {
        const index = Number(failure.Id);
        if (!failure.SenderFault && attempt < MAX_ATTEMPTS) {
          retry.push(index); // SQS's side: worth another try
        } else {
          report.failed.push({ index, code: failure.Code ?? "", message: failure.Message ?? "" });
        }
      }
      pending = retry;
    }
  }
  return report;
}

export async function deleteAll(queueUrl: string, messages: Message[]): Promise<string[]> {
  const notDeleted: string[] = [];
  for (const batch of chunks(messages)) {
    const { Failed = [] } = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle })),
      }),
    );
    // A failed delete is not an exception: the message simply
    // comes back later, and an idempotent consumer copes.
    for (const failure of Failed) notDeleted.push(batch[Number(failure.Id)]!.MessageId!);
  }
  return notDeleted;
}
