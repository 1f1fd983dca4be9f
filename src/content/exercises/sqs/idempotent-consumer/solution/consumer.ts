import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";
import type { CustomerEvent, Store } from "./store";

const sqs = new SQSClient({});

export function applyEvent(store: Store, event: CustomerEvent): void {
  // Deduplicate on the event's own id: a redelivered message and a
  // producer's retried send both carry the same eventId (the retry
  // even has a new MessageId).
  if (store.processedEventIds.has(event.eventId)) return;
  if (event.type === "points-earned") {
    const current = store.points.get(event.customerId) ?? 0;
    store.points.set(event.customerId, current + event.points);
  } else {
    // Order is best effort: a late, older version must not win.
    const known = store.addresses.get(event.customerId);
    if (known === undefined || known.version < event.version) {
      store.addresses.set(event.customerId, {
        address: event.address,
        version: event.version,
      });
    }
  }
  store.processedEventIds.add(event.eventId);
}

export async function drain(queueUrl: string, store: Store): Promise<void> {
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
    );
    if (Messages.length === 0) return;
    for (const message of Messages) {
      applyEvent(store, JSON.parse(message.Body ?? "{}") as CustomerEvent);
      await sqs.send(
        new DeleteMessageCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message.ReceiptHandle,
        }),
      );
    }
  }
}
