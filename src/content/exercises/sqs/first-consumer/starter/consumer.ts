import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";

// One client for the whole module, as in a real service.
// It talks to the simulated cloud of the current run.
const sqs = new SQSClient({});

/**
 * Processes every message waiting in the queue and returns
 * how many were handled successfully.
 *
 * - Receive in batches of up to 10 messages; stop when a
 *   receive comes back with no messages.
 * - Pass each message's body to `handle`.
 * - Delete a message only after `handle` succeeded for it.
 * - If `handle` throws, leave that message alone (it comes
 *   back after its visibility timeout) and carry on.
 */
export async function drainQueue(
  queueUrl: string,
  handle: (body: string) => Promise<void> | void,
): Promise<number> {
  // TODO 1: receive a batch with ReceiveMessageCommand
  //   ({ QueueUrl, MaxNumberOfMessages: 10 }). Keep receiving
  //   until a response has no Messages: nothing is left then.
  // TODO 2: for each message, await handle(message.Body ?? "").
  // TODO 3: if handle succeeded, delete the message with
  //   DeleteMessageCommand ({ QueueUrl, ReceiptHandle })
  //   and count it.
  // TODO 4: if handle throws, do not delete the message;
  //   go on with the next one.
  return 0;
}
