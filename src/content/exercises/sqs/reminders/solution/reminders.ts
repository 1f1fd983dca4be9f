import {
  SQSClient,
  SendMessageCommand,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";
import { now } from "./clock";

const sqs = new SQSClient({});

export const MAX_DELAY_SECONDS = 900;

export interface Reminder {
  id: string;
  text: string;
  dueAt: number;
}

export async function scheduleReminder(queueUrl: string, reminder: Reminder): Promise<void> {
  // Round up: a reminder may be a moment late, never early.
  const seconds = Math.ceil((reminder.dueAt - now()) / 1000);
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(reminder),
      DelaySeconds: Math.min(Math.max(seconds, 0), MAX_DELAY_SECONDS),
    }),
  );
}

export async function pollReminders(
  queueUrl: string,
  deliver: (reminder: Reminder) => void,
): Promise<number> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      // Long polling: wait up to 20 s, answer as soon as one arrives.
      WaitTimeSeconds: 20,
    }),
  );
  let delivered = 0;
  for (const message of Messages) {
    const reminder = JSON.parse(message.Body ?? "{}") as Reminder;
    if (reminder.dueAt > now()) {
      // Out after 15 minutes but not due yet: another hop.
      await scheduleReminder(queueUrl, reminder);
    } else {
      deliver(reminder);
      delivered++;
    }
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
  }
  return delivered;
}
