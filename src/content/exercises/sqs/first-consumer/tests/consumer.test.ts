import { describe, it, expect, beforeEach } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
  ReceiveMessageCommand,
  GetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import { drainQueue } from "./consumer";

// The queue keeps the SQS default visibility timeout of 30 s.
const VISIBILITY_TIMEOUT_MS = 30_000;

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;

beforeEach(async () => {
  // A fresh simulated cloud per test; clients bind to the newest sandbox.
  sb = createSandbox({ seed: 1 });
  sqs = new SQSClient({});
  const created = await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
  queueUrl = created.QueueUrl!;
});

async function sendAll(bodies: string[]): Promise<void> {
  for (const body of bodies) {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  }
}

/** How many messages are waiting (visible) and in flight (received, not deleted). */
async function queueCounts(): Promise<{ visible: string; inFlight: string }> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return {
    visible: Attributes.ApproximateNumberOfMessages ?? "?",
    inFlight: Attributes.ApproximateNumberOfMessagesNotVisible ?? "?",
  };
}

/** A handler that records every body and throws for one of them. */
function failingOn(poison: string) {
  const seen: string[] = [];
  const handle = (body: string) => {
    seen.push(body);
    if (body === poison) throw new Error(`cannot process ${body}`);
  };
  return { seen, handle };
}

/** Runs drainQueue and returns an error it lets escape, so the test can explain it. */
async function drainCatching(handle: (body: string) => void) {
  try {
    return { result: await drainQueue(queueUrl, handle), error: undefined };
  } catch (error) {
    return { result: undefined, error };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function messages(count: string): string {
  return count === "1" ? "1 message" : `${count} messages`;
}

describe("drainQueue", () => {
  it("handles every message exactly once, even when there are more than 10", async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `order-${i + 1}`);
    await sendAll(bodies);

    const seen: string[] = [];
    await drainQueue(queueUrl, (body) => {
      seen.push(body);
    });

    const missing = bodies.filter((body) => !seen.includes(body));
    const repeated = seen.filter((body, i) => seen.indexOf(body) !== i);
    expect(
      missing,
      seen.length === 0
        ? "the handler was never called: receive messages with ReceiveMessageCommand " +
            "and pass each Body to handle"
        : `${missing.length} of the 12 messages never reached the handler: one receive ` +
            "returns at most 10, so keep receiving until a receive comes back empty",
    ).toEqual([]);
    expect(
      repeated,
      "some messages reached the handler twice: handle each message once, then delete it",
    ).toEqual([]);
  });

  it("returns how many messages it handled", async () => {
    await sendAll(["order-1", "order-2", "order-3"]);

    const count = await drainQueue(queueUrl, () => {});

    expect(
      count,
      "3 messages were waiting and the handler succeeded for each, so drainQueue should return 3",
    ).toBe(3);
  });

  it("leaves the queue empty after deleting what it handled", async () => {
    await sendAll(["order-1", "order-2", "order-3", "order-4", "order-5"]);

    await drainQueue(queueUrl, () => {});
    const rightAfter = await queueCounts();
    await sb.clock.advance(VISIBILITY_TIMEOUT_MS + 1_000);
    const later = await queueCounts();

    expect(
      rightAfter.visible,
      `${rightAfter.visible} of the 5 messages were still waiting after drainQueue ` +
        "returned: they were never received",
    ).toBe("0");
    expect(
      rightAfter.inFlight,
      `${messages(rightAfter.inFlight)} still in flight after drainQueue returned: ` +
        "received but never deleted. Delete each one with its ReceiptHandle after handle succeeds",
    ).toBe("0");
    expect(
      later.visible,
      `31 s later, ${messages(later.visible)} came back: a message that is not deleted ` +
        "becomes visible again when its 30 s visibility timeout ends",
    ).toBe("0");
    expect(later.inFlight, "no message should be in flight once the queue is drained").toBe("0");
  });

  it("does not delete a message whose handler throws, so it comes back after the visibility timeout", async () => {
    await sendAll(["order-1", "poison", "order-2"]);
    const { handle, seen } = failingOn("poison");

    const { error } = await drainCatching(handle);
    expect(
      error,
      `drainQueue threw (${describeError(error)}): catch the handler's error ` +
        "so one bad message does not stop the consumer",
    ).toBeUndefined();
    expect(seen, "the failing message should have been passed to the handler").toContain("poison");

    const rightAfter = await queueCounts();
    expect(
      rightAfter.inFlight,
      rightAfter.inFlight === "0"
        ? "the failing message is gone: it was deleted even though its handler threw. " +
            "Delete only after handle succeeds"
        : `${messages(rightAfter.inFlight)} still in flight, but only the failing one ` +
            "should be: delete every message whose handler succeeded",
    ).toBe("1");

    await sb.clock.advance(VISIBILITY_TIMEOUT_MS);
    const again = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ["All"],
      }),
    );
    const returned = again.Messages ?? [];
    expect(
      returned.map((message) => message.Body),
      "after the 30 s visibility timeout, only the failing message should be back in the queue",
    ).toEqual(["poison"]);
    expect(
      returned[0]?.Attributes?.ApproximateReceiveCount,
      "the message came back after the 30 s visibility timeout because it was never deleted; " +
        "this is its second receive",
    ).toBe("2");
  });

  it("keeps handling the other messages when one handler throws", async () => {
    await sendAll(["order-1", "order-2", "poison", "order-3", "order-4"]);
    const { handle, seen } = failingOn("poison");

    const { result, error } = await drainCatching(handle);

    expect(
      error,
      `drainQueue threw (${describeError(error)}): catch the handler's error ` +
        "and carry on with the next message",
    ).toBeUndefined();
    expect(
      ["order-1", "order-2", "order-3", "order-4"].filter((body) => !seen.includes(body)),
      "these messages never reached the handler: one failure must not stop the others",
    ).toEqual([]);
    expect(
      result,
      "4 of the 5 messages were handled (the 5th threw), so drainQueue should return 4",
    ).toBe(4);
    const counts = await queueCounts();
    expect(
      counts.inFlight,
      "only the failing message should still be in flight; the 4 others should be deleted",
    ).toBe("1");
  });
});
