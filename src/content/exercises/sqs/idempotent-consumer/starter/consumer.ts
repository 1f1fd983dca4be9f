import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";
import type { CustomerEvent, Store } from "./store";

const sqs = new SQSClient({});

/**
 * Applies one event to the store. A standard queue delivers
 * every message AT LEAST once and in roughly the order sent, so
 * this must be safe to call twice with the same event, and with
 * events in any order:
 *
 * - points-earned: add the points once per eventId, however many
 *   times the event arrives;
 * - address-changed: keep the address with the highest version;
 *   an older version that arrives late must not overwrite it.
 */
export function applyEvent(store: Store, event: CustomerEvent): void {
  // TODO 1: if store.processedEventIds already has event.eventId,
  //   do nothing: this event was applied before.
  if (event.type === "points-earned") {
    const current = store.points.get(event.customerId) ?? 0;
    store.points.set(event.customerId, current + event.points);
  } else {
    // TODO 2: only store the address if there is none yet, or its
    //   version is lower than event.version.
    store.addresses.set(event.customerId, {
      address: event.address,
      version: event.version,
    });
  }
  // TODO 3: remember event.eventId in store.processedEventIds.
}

/** Receives until the queue is empty, applying and deleting each message. */
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
