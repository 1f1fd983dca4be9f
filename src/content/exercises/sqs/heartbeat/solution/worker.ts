import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  ChangeMessageVisibilityCommand,
} from "@aws-sdk/client-sqs";
import { every } from "./clock";

const sqs = new SQSClient({});

export const VISIBILITY_SECONDS = 30;
export const HEARTBEAT_MS = 10_000;

export async function processLongJob(
  queueUrl: string,
  work: (body: string) => Promise<void>,
): Promise<"done" | "failed" | "empty"> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 1,
      WaitTimeSeconds: 20,
    }),
  );
  const message = Messages[0];
  if (message === undefined) return "empty";
  const receipt = { QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle };

  // Each beat hides the message for 30 s counted from the beat,
  // so it never becomes visible while the work is running.
  const stopHeartbeat = every(HEARTBEAT_MS, () =>
    sqs.send(
      new ChangeMessageVisibilityCommand({
        ...receipt,
        VisibilityTimeout: VISIBILITY_SECONDS,
      }),
    ),
  );

  try {
    await work(message.Body ?? "");
  } catch {
    stopHeartbeat();
    // Hand it back now instead of after the timeout.
    await sqs.send(
      new ChangeMessageVisibilityCommand({ ...receipt, VisibilityTimeout: 0 }),
    );
    return "failed";
  }
  stopHeartbeat();
  await sqs.send(new DeleteMessageCommand(receipt));
  return "done";
}
