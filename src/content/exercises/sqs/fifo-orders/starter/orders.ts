import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

/** Something that happened to one customer's order. */
export interface OrderEvent {
  /** Unique per event; a retried send reuses it. */
  eventId: string;
  customerId: string;
  type: "placed" | "paid" | "shipped" | "cancelled";
  orderId: string;
}

/**
 * Creates the queue for order events and returns its URL.
 * Each customer's events must come out in the order they went in,
 * so it has to be a FIFO queue.
 */
export async function createOrderQueue(name: string): Promise<string> {
  // TODO 1: a FIFO queue's name ends in ".fifo", and it needs the
  //   attribute FifoQueue: "true" (attribute values are strings).
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: name }),
  );
  return QueueUrl!;
}

/**
 * Sends one event. Events of the same customer must stay in order,
 * while one customer's backlog must not hold up the others. If the
 * caller retries a send (same eventId), SQS must not deliver the
 * event twice.
 */
export async function publishOrderEvent(
  queueUrl: string,
  event: OrderEvent,
): Promise<void> {
  // TODO 2: set MessageGroupId: ordering is per group, so use the
  //   customer's id (one group per customer).
  // TODO 3: set MessageDeduplicationId to the event's id, so a
  //   retried send within 5 minutes is accepted but not delivered.
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(event),
    }),
  );
}
