import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

export async function drainQueue(
  queueUrl: string,
  handle: (body: string) => Promise<void> | void,
): Promise<number> {
  let handled = 0;
  for (;;) {
    // At most 10 per receive; `Messages` is absent when none.
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
      }),
    );
    if (Messages.length === 0) return handled;

    for (const message of Messages) {
      try {
        await handle(message.Body ?? "");
        // Delete only after success, with this receive's handle.
        await sqs.send(
          new DeleteMessageCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
        handled++;
      } catch {
        // Not deleted: it stays in flight and becomes visible
        // again when its visibility timeout ends.
      }
    }
  }
}
