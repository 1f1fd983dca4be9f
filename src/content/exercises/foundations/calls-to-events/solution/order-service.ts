import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
import type { Order, OrderPlaced } from "./shop";

const sqs = new SQSClient({});

export async function placeOrder(order: Order, queueUrls: readonly string[]): Promise<void> {
  // A fact about the past, not a command: the order service no
  // longer knows or cares what billing, stock and email do with it.
  const event: OrderPlaced = { type: "OrderPlaced", order };
  for (const queueUrl of queueUrls) {
    // Once SendMessage returns, SQS has stored the event redundantly:
    // it waits there while a consumer is down.
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(event) }));
  }
}
