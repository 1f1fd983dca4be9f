import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from "sandbox-engine/aws/client-sqs";
import { countsOf, errorOf, givenFifoQueue } from "./sqs-helpers.ts";

describe("SQS FIFO queues", () => {
  it("returns a SequenceNumber that grows, and the FIFO system attributes", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    const a = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "a", MessageGroupId: "c1" }));
    const b = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "b", MessageGroupId: "c1" }));
    expect(a.SequenceNumber).toMatch(/^\d{20}$/);
    expect(BigInt(b.SequenceNumber!) > BigInt(a.SequenceNumber!)).toBe(true);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ["All"] }));
    expect(Messages![0]!.Attributes).toMatchObject({
      MessageGroupId: "c1",
      SequenceNumber: a.SequenceNumber,
      // content-based: the SHA-256 of the body
      MessageDeduplicationId: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
    });
  });

  it("keeps strict order within a group and returns nothing more of a group while one is in flight", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    for (const body of ["1", "2", "3"]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: "customer-1" }));
    }
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(first.Messages!.map((m) => m.Body)).toEqual(["1"]);
    // "2" is visible, but its group has a message in flight
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toBeUndefined();
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first.Messages![0]!.ReceiptHandle }));
    const rest = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(rest.Messages!.map((m) => m.Body)).toEqual(["2", "3"]);
  });

  it("serves other groups while one group is blocked, as many of one group as possible first", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    const send = (body: string, group: string) =>
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: group }));
    await send("a1", "a");
    await send("b1", "b");
    await send("a2", "a");
    await send("b2", "b");
    const one = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 3 }));
    expect(one.Messages!.map((m) => m.Body)).toEqual(["a1", "a2", "b1"]);
    const two = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(two.Messages).toBeUndefined();
  });

  it("makes the group available again when the in-flight message's visibility timeout ends, first message first", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "1", MessageGroupId: "g" }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "2", MessageGroupId: "g" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 10 }));
    await sb.clock.advance(10_000);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(again.Messages!.map((m) => m.Body)).toEqual(["1", "2"]);
  });

  it("deduplicates the same MessageDeduplicationId for 5 minutes, answering with the first MessageId", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue("pay", { ContentBasedDeduplication: "false" });
    const send = () =>
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "charge 10", MessageGroupId: "c", MessageDeduplicationId: "order-7" }));
    const first = await send();
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    // still tracked after the message was received and deleted
    await sb.clock.advance(299_999);
    const retry = await send();
    expect(retry.MessageId).toBe(first.MessageId);
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(sb.trace.events.some((e) => e.kind === "deduplicated")).toBe(true);
    await sb.clock.advance(1);
    const later = await send();
    expect(later.MessageId).not.toBe(first.MessageId);
    expect((await countsOf(sqs, queueUrl)).visible).toBe(1);
  });

  it("deduplicates by the SHA-256 of the body with ContentBasedDeduplication, ignoring attributes", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    const a = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "same", MessageGroupId: "g" }));
    const b = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: "same",
        MessageGroupId: "other",
        MessageAttributes: { k: { DataType: "String", StringValue: "v" } },
      }),
    );
    expect(b.MessageId).toBe(a.MessageId);
    expect((await countsOf(sqs, queueUrl)).visible).toBe(1);
  });

  it("deduplicates per message group with DeduplicationScope=messageGroup", async () => {
    const { sqs, queueUrl } = await givenFifoQueue("hi", { DeduplicationScope: "messageGroup", FifoThroughputLimit: "perMessageGroupId" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g1" }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g2" }));
    expect((await countsOf(sqs, queueUrl)).visible).toBe(2);
  });

  it("requires MessageGroupId: MissingParameter alone, InvalidParameterValue for the whole batch", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    const single = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x" })));
    expect(single.name).toBe("MissingParameter");
    expect(single.message).toBe("The request must contain the parameter MessageGroupId.");
    const batch = await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: "1", MessageBody: "x" }] })));
    expect([batch.name, batch.message]).toEqual(["InvalidParameterValue", "The request must contain the parameter MessageGroupId."]);
  });

  it("refuses a MessageGroupId or MessageDeduplicationId that is too long or has other characters", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    for (const [field, value] of [["MessageGroupId", "a b"], ["MessageGroupId", "x".repeat(129)], ["MessageDeduplicationId", "é"]] as const) {
      const error = await errorOf(
        sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g", [field]: value })),
      );
      expect(error.name).toBe("InvalidParameterValue");
      expect(error.message).toBe(
        `Value ${value} for parameter ${field} is invalid. Reason: ${field} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
      );
    }
  });

  it("needs ContentBasedDeduplication or an explicit MessageDeduplicationId", async () => {
    const { sqs, queueUrl } = await givenFifoQueue("x", { ContentBasedDeduplication: "false" });
    const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g" })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
  });

  it("refuses a per-message DelaySeconds with AWS's text", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g", DelaySeconds: 2 })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(
      "Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.",
    );
  });

  it("refuses DeleteMessage once the visibility timeout has expired (FIFO only)", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 5 }));
    await sb.clock.advance(5_000);
    const handle = Messages![0]!.ReceiptHandle!;
    const error = await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handle })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(`Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
    const change = await errorOf(
      sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 10 })),
    );
    expect(change.message).toMatch(/The receipt handle has expired/);
  });

  it("applies a changed queue DelaySeconds retroactively to messages not yet received", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageGroupId: "g" }));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { DelaySeconds: "60" } }));
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    await sb.clock.advance(60_000);
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it("wakes a long poll when a blocked group becomes available through a delete", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "1", MessageGroupId: "g" }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "2", MessageGroupId: "g" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    expect((await poll).Messages!.map((m) => m.Body)).toEqual(["2"]);
  });
});
