import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
  GetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import { drain } from "./consumer";
import { createStore, type CustomerEvent } from "./store";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;

beforeEach(async () => {
  // A standard queue as it really behaves: a message may be
  // delivered more than once, and not quite in the order sent.
  sb = createSandbox({
    seed: 11,
    sqs: { standardQueueDelivery: "at-least-once", duplicateProbability: 0.25 },
  });
  sqs = new SQSClient({});
  const created = await sqs.send(new CreateQueueCommand({ QueueName: "customer-events" }));
  queueUrl = created.QueueUrl!;
});

async function send(event: CustomerEvent): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(event) }));
}

/** How many deliveries SQS made twice, from the simulator's trace. */
function duplicatesDelivered(): number {
  return sb.trace.events.filter((event) => event.kind === "duplicate").length;
}

describe("an idempotent consumer", () => {
  it("adds each customer's points once, even when SQS delivers a message twice", async () => {
    const expected = new Map<string, number>();
    for (let i = 1; i <= 30; i++) {
      const customerId = `c-${(i % 3) + 1}`;
      const points = i * 5;
      expected.set(customerId, (expected.get(customerId) ?? 0) + points);
      await send({ type: "points-earned", eventId: `e-${i}`, customerId, points });
    }
    const store = createStore();

    await drain(queueUrl, store);

    const wrong = [...expected].filter(([customer, points]) => store.points.get(customer) !== points);
    expect(
      wrong.map(([customer, points]) => `${customer}: has ${store.points.get(customer) ?? 0}, earned ${points}`),
      `SQS delivered ${duplicatesDelivered()} extra copies of the 30 messages (a standard queue delivers at ` +
        "least once), and the consumer added their points again. Skip an event whose eventId is already in " +
        "store.processedEventIds, and add its id after applying it",
    ).toEqual([]);
  });

  it("counts an event once when the producer sent it twice", async () => {
    // The producer's first send timed out on its side, so it sent again:
    // two messages, two MessageIds, one event.
    const event: CustomerEvent = { type: "points-earned", eventId: "e-77", customerId: "c-9", points: 25 };
    await send(event);
    await send(event);
    const store = createStore();

    await drain(queueUrl, store);

    expect(
      store.points.get("c-9"),
      "the same event (eventId e-77) arrived in two messages with different MessageIds, and the points were " +
        "added twice: deduplicate on the event's own id, not on the MessageId",
    ).toBe(25);
  });

  it("keeps the newest address when updates arrive out of order", async () => {
    for (let version = 1; version <= 8; version++) {
      for (const customerId of ["c-1", "c-2", "c-3"]) {
        await send({
          type: "address-changed",
          eventId: `${customerId}-a${version}`,
          customerId,
          address: `${version} Queue Street`,
          version,
        });
      }
    }
    const store = createStore();

    await drain(queueUrl, store);

    const stale = ["c-1", "c-2", "c-3"].filter((customer) => store.addresses.get(customer)?.version !== 8);
    expect(
      stale.map((customer) => `${customer}: ${store.addresses.get(customer)?.address ?? "none"}`),
      "each customer's last change was version 8 (8 Queue Street), but an older change that SQS delivered " +
        "later overwrote it: a standard queue keeps order only on a best-effort basis. Store an address only " +
        "when its version is higher than the one you have",
    ).toEqual([]);
  });

  it("deletes every message, duplicates included", async () => {
    for (let i = 1; i <= 12; i++) {
      await send({ type: "points-earned", eventId: `e-${i}`, customerId: "c-1", points: 1 });
    }

    await drain(queueUrl, createStore());
    await sb.clock.advance(31_000);
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
      }),
    );

    expect(
      Attributes.ApproximateNumberOfMessages,
      "31 s after drain returned, messages were visible again: a duplicate is a message like any other, " +
        "so delete it too (and keep receiving until a receive comes back empty)",
    ).toBe("0");
    expect(Attributes.ApproximateNumberOfMessagesNotVisible, "no message should still be in flight").toBe("0");
  });
});
