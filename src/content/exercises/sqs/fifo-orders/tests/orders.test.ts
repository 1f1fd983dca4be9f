import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  DeleteMessageCommand,
} from "@aws-sdk/client-sqs";
import { createOrderQueue, publishOrderEvent, type OrderEvent } from "./orders";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;

beforeEach(() => {
  sb = createSandbox({ seed: 5 });
  sqs = new SQSClient({});
});

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Creates the queue through the learner's code; a failure is reported in words. */
async function orderQueue(): Promise<string> {
  try {
    return await createOrderQueue("orders");
  } catch (error) {
    throw new Error(`createOrderQueue("orders") threw ${describeError(error)}`);
  }
}

async function publish(queueUrl: string, event: OrderEvent): Promise<void> {
  try {
    await publishOrderEvent(queueUrl, event);
  } catch (error) {
    throw new Error(
      `publishOrderEvent threw ${describeError(error)}. A FIFO queue needs a MessageGroupId on every send, ` +
        "and a MessageDeduplicationId unless content-based deduplication is on",
    );
  }
}

const event = (eventId: string, customerId: string, type: OrderEvent["type"], orderId = `o-${customerId}`): OrderEvent => ({
  eventId,
  customerId,
  type,
  orderId,
});

/** Receives and deletes until the queue is empty; returns "customer:type" in delivery order. */
async function consumeAll(queueUrl: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 50; i++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) break;
    for (const message of Messages) {
      const body = JSON.parse(message.Body ?? "{}") as OrderEvent;
      seen.push(`${body.customerId}:${body.type}`);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
  return seen;
}

describe("FIFO order events", () => {
  it("creates a FIFO queue", async () => {
    const queueUrl = await orderQueue();
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["FifoQueue"] }),
    );

    expect(queueUrl.endsWith(".fifo"), `the queue URL ${queueUrl} does not end in .fifo: a FIFO queue's name must`).toBe(true);
    expect(
      Attributes.FifoQueue,
      'the queue is a standard queue: create it with Attributes: { FifoQueue: "true" }',
    ).toBe("true");
  });

  it("delivers each customer's events in the order they were sent", async () => {
    const queueUrl = await orderQueue();
    const steps: OrderEvent["type"][] = ["placed", "paid", "shipped"];
    let n = 0;
    for (const type of steps) {
      for (const customer of ["ana", "ben", "chloe"]) await publish(queueUrl, event(`e-${++n}`, customer, type));
    }

    const seen = await consumeAll(queueUrl);

    for (const customer of ["ana", "ben", "chloe"]) {
      expect(
        seen.filter((entry) => entry.startsWith(`${customer}:`)),
        `${customer}'s events did not come out as placed, paid, shipped`,
      ).toEqual(steps.map((type) => `${customer}:${type}`));
    }
  });

  it("does not let one customer's unfinished event hold up the other customers", async () => {
    const queueUrl = await orderQueue();
    await publish(queueUrl, event("e-1", "ana", "placed"));
    await publish(queueUrl, event("e-2", "ana", "paid"));
    await publish(queueUrl, event("e-3", "ben", "placed"));
    await publish(queueUrl, event("e-4", "chloe", "placed"));

    // A consumer takes ana's first event and is still working on it.
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const firstBody = JSON.parse(first.Messages?.[0]?.Body ?? "{}") as OrderEvent;
    expect(firstBody.customerId, "the first event out should be the first one sent, ana's").toBe("ana");
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    const next = (second.Messages ?? []).map((message) => (JSON.parse(message.Body ?? "{}") as OrderEvent).customerId);

    expect(
      next,
      next.length === 0
        ? "while ana's event was in flight, the queue returned nothing for ben and chloe: all events share one " +
            "message group, so the whole queue waits for ana. Use the customer's id as the MessageGroupId"
        : next.includes("ana")
          ? "ana's second event was delivered while her first was still in flight, so it could overtake it: " +
              "only a FIFO queue holds back the rest of a message group until the message in flight is deleted"
          : "while ana's first event is in flight, ana's next event must wait, but ben's and chloe's should be delivered",
    ).toEqual(["ben", "chloe"]);
  });

  it("delivers a retried send only once", async () => {
    const queueUrl = await orderQueue();
    await publish(queueUrl, event("e-1", "ana", "placed"));
    // The producer's connection dropped before it saw the answer, so it retries 10 s later.
    await sb.clock.advance(10_000);
    await publish(queueUrl, event("e-1", "ana", "placed"));
    await publish(queueUrl, event("e-2", "ana", "paid"));

    const seen = await consumeAll(queueUrl);

    expect(
      seen,
      "the retried send of event e-1 was delivered twice: set MessageDeduplicationId to the event's id, and SQS " +
        "accepts a repeat within 5 minutes without delivering it",
    ).toEqual(["ana:placed", "ana:paid"]);
  });

  it("delivers two different events even when their bodies look alike", async () => {
    const queueUrl = await orderQueue();
    // Two events that differ only in their id: ana cancelled two orders in a row.
    await publish(queueUrl, event("e-8", "ana", "cancelled", "o-1"));
    await publish(queueUrl, event("e-9", "ana", "cancelled", "o-2"));

    const seen = await consumeAll(queueUrl);

    expect(seen, "two different events (e-8 and e-9) should both be delivered").toEqual(["ana:cancelled", "ana:cancelled"]);
  });
});
