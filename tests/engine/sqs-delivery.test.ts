import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, type Message } from "sandbox-engine/aws/client-sqs";
import { givenQueue } from "./sqs-helpers.ts";

async function drain(seed: number) {
  const { sb, sqs, queueUrl } = await givenQueue("orders", undefined, { seed, sqs: { standardQueueDelivery: "at-least-once", duplicateProbability: 0.3 } });
  for (let i = 0; i < 30; i++) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `order-${i}` }));
  const delivered: Message[] = [];
  for (;;) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages === undefined) break;
    for (const m of Messages) {
      delivered.push(m);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return { sb, bodies: delivered.map((m) => m.Body!) };
}

describe("standard queue delivery", () => {
  it("by default delivers each message once, in send order", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (let i = 0; i < 5; i++) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `${i}` }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages!.map((m) => m.Body)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("with at-least-once delivery, duplicates and reorders messages, never loses one, and does it the same way for the same seed", async () => {
    const first = await drain(7);
    const unique = new Set(first.bodies);
    expect(unique.size).toBe(30);
    expect(first.bodies.length).toBeGreaterThan(30);
    expect(first.bodies).not.toEqual([...first.bodies].sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))));
    expect(first.sb.trace.events.some((e) => e.kind === "duplicate")).toBe(true);
    expect((await drain(7)).bodies).toEqual(first.bodies);
    expect((await drain(8)).bodies).not.toEqual(first.bodies);
  });

  it("refuses an unknown delivery mode with a clear message", () => {
    expect(() => createSandbox({ sqs: { standardQueueDelivery: "sometimes" as never } })).toThrow(/standardQueueDelivery must be "once-in-order" or "at-least-once"/);
  });
});
