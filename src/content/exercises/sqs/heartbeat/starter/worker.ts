import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  ChangeMessageVisibilityCommand,
} from "@aws-sdk/client-sqs";
import { every } from "./clock";

const sqs = new SQSClient({});

/** Each heartbeat hides the message for this long, from now. */
export const VISIBILITY_SECONDS = 30;
/** How often the heartbeat runs: well inside the timeout. */
export const HEARTBEAT_MS = 10_000;

/**
 * Receives one message and runs `work` on its body. The work may
 * take far longer than the queue's 30 s visibility timeout, so:
 *
 * - while `work` runs, extend the message's visibility timeout
 *   every HEARTBEAT_MS (a heartbeat), so no other consumer gets it;
 * - when `work` succeeds: stop the heartbeat, delete the message,
 *   return "done";
 * - when `work` throws: stop the heartbeat, make the message
 *   visible again at once (VisibilityTimeout 0) so another
 *   consumer can retry it, return "failed";
 * - when no message arrives: return "empty".
 */
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

  // TODO 1: start a heartbeat with every(HEARTBEAT_MS, ...) that
  //   sends ChangeMessageVisibilityCommand ({ QueueUrl,
  //   ReceiptHandle, VisibilityTimeout: VISIBILITY_SECONDS }).
  //   Keep the function every() returns: calling it stops the
  //   heartbeat.
  await work(message.Body ?? "");
  // TODO 2: after the work succeeded, stop the heartbeat and
  //   delete the message with DeleteMessageCommand.
  // TODO 3: if the work throws, stop the heartbeat, send
  //   ChangeMessageVisibilityCommand with VisibilityTimeout: 0,
  //   and return "failed" instead of throwing.
  return "done";
}
