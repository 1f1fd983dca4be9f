import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

export interface OrderEvent {
  eventId: string;
  customerId: string;
  type: "placed" | "paid" | "shipped" | "cancelled";
  orderId: string;
}

export async function createOrderQueue(name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${name}.fifo`,
      Attributes: { FifoQueue: "true" },
    }),
  );
  return QueueUrl!;
}

export async function publishOrderEvent(
  queueUrl: string,
  event: OrderEvent,
): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(event),
      // Order is kept per group: one group per customer.
      MessageGroupId: event.customerId,
      // Same id within 5 minutes: accepted, not delivered again.
      MessageDeduplicationId: event.eventId,
    }),
  );
}
