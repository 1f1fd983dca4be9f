import {
  SQSClient,
  SendMessageCommand,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";
import { now } from "./clock";

const sqs = new SQSClient({});

/** SQS can delay a message by at most 15 minutes. */
export const MAX_DELAY_SECONDS = 900;

export interface Reminder {
  id: string;
  text: string;
  /** When to deliver it, epoch milliseconds. */
  dueAt: number;
}

/**
 * Puts a reminder in the queue so that it becomes visible when it
 * is due, using the message's own delay (DelaySeconds). A reminder
 * further away than 15 minutes is sent with the maximum delay; the
 * worker sends it on again when it comes out too early.
 */
export async function scheduleReminder(queueUrl: string, reminder: Reminder): Promise<void> {
  // TODO 1: compute the delay in whole seconds from now() to
  //   reminder.dueAt (round up, never below 0, never above
  //   MAX_DELAY_SECONDS) and pass it as DelaySeconds.
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(reminder),
    }),
  );
}

/**
 * One turn of the reminder worker: a single receive of up to 10
 * messages. Due reminders are passed to `deliver` and deleted;
 * reminders that are not due yet are scheduled again and deleted.
 * Returns how many reminders were delivered.
 *
 * The worker calls this in a loop all day, so when the queue is
 * empty it must wait (long polling), not return at once.
 */
export async function pollReminders(
  queueUrl: string,
  deliver: (reminder: Reminder) => void,
): Promise<number> {
  // TODO 2: long polling: add WaitTimeSeconds: 20, so a receive
  //   on an empty queue waits for a message instead of answering
  //   at once with nothing.
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
  );
  let delivered = 0;
  for (const message of Messages) {
    const reminder = JSON.parse(message.Body ?? "{}") as Reminder;
    // TODO 3: if reminder.dueAt is still in the future, call
    //   scheduleReminder again instead of deliver (then delete
    //   this message either way).
    deliver(reminder);
    delivered++;
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
  }
  return delivered;
}
