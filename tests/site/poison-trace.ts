import { ReceiveMessageCommand, SendMessageCommand, type SQSClient } from "sandbox-engine/aws/client-sqs";
import type { TraceEvent } from "sandbox-engine";
import { addQueue, givenQueue } from "../engine/sqs-helpers.ts";

/**
 * The trace of a poison message on `orders`, whose dead-letter queue takes it after 2 receives: sent, received
 * and left to time out 3 times. `then` runs after that, on the same queue.
 */
export async function poisonTrace(then?: (sqs: SQSClient, queueUrl: string) => Promise<unknown>): Promise<TraceEvent[]> {
  const { sb, sqs } = await givenQueue("unused");
  const dlq = await addQueue(sqs, "orders-dlq");
  const source = await addQueue(sqs, "orders", { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }) });
  await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "poison" }));
  for (let attempt = 0; attempt < 3; attempt++) {
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url }));
    await sb.clock.advance(31_000);
  }
  await then?.(sqs, source.url);
  return [...sb.trace.events];
}
