import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  ReceiptHandleIsInvalid,
  SendMessageCommand,
  type SQSClient,
} from "sandbox-engine/aws/client-sqs";
import { errorOf, givenQueue } from "./sqs-helpers.ts";

async function counts(sqs: SQSClient, queueUrl: string) {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        "ApproximateNumberOfMessages",
        "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed",
      ],
    }),
  );
  return {
    visible: Number(Attributes.ApproximateNumberOfMessages),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed),
  };
}

describe("SQS messages", () => {
  it("sends and receives a message with its id, body and MD5", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "hello" }));
    expect(sent.MD5OfMessageBody).toBe("5d41402abc4b2a76b9719d911017c592");
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(Messages).toHaveLength(1);
    expect(Messages![0]).toMatchObject({ MessageId: sent.MessageId, Body: "hello", MD5OfBody: sent.MD5OfMessageBody });
    expect(Messages![0]!.ReceiptHandle).toEqual(expect.any(String));
  });

  it("returns no Messages field when the queue is empty (short poll)", async () => {
    const { sqs, queueUrl, sb } = await givenQueue();
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(out.Messages).toBeUndefined();
    expect(sb.clock.now()).toBe(Date.UTC(2026, 0, 1));
  });

  it("receives one message by default and at most MaxNumberOfMessages", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (let i = 0; i < 12; i++) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `m${i}` }));
    const one = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(one.Messages).toHaveLength(1);
    const ten = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(ten.Messages).toHaveLength(10);
  });

  it("hides a received message for the visibility timeout, then shows it again", async () => {
    // given a received message (default visibility timeout 30 s)
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    // when 29.999 s pass it is still hidden
    await sb.clock.advance(29_999);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toBeUndefined();
    // when the 30 s are up it comes back, received a second time
    await sb.clock.advance(1);
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    const again = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }),
    );
    expect(again.Messages![0]!.Attributes).toEqual({ ApproximateReceiveCount: "2" });
    // and the trace says why
    expect(sb.trace.events.map((e) => e.kind)).toContain("visibility-expired");
    const expired = sb.trace.events.find((e) => e.kind === "visibility-expired")!;
    expect(expired.time - Date.UTC(2026, 0, 1)).toBe(30_000);
  });

  it("uses the VisibilityTimeout given to ReceiveMessage over the queue's", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 5 }));
    await sb.clock.advance(5000);
    expect((await counts(sqs, queueUrl)).visible).toBe(1);
  });

  it("returns system attributes SentTimestamp, ApproximateFirstReceiveTimestamp and ApproximateReceiveCount", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    const start = sb.clock.now();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    await sb.clock.advance(2000);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ["All"] }));
    expect(Messages![0]!.Attributes).toMatchObject({
      SentTimestamp: String(start),
      ApproximateFirstReceiveTimestamp: String(start + 2000),
      ApproximateReceiveCount: "1",
    });
  });

  it("deletes a message with its receipt handle", async () => {
    const { sqs, queueUrl, sb } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    await sb.clock.advance(60_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toBeUndefined();
  });

  it("accepts the handle of an already deleted message again, without error", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const handle = Messages![0]!.ReceiptHandle;
    for (let i = 0; i < 3; i++) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handle }));
  });

  it("only the newest receipt handle deletes; an older one succeeds without deleting", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 1 }));
    await sb.clock.advance(1000);
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first.Messages![0]!.ReceiptHandle }));
    expect((await counts(sqs, queueUrl)).inFlight).toBe(1);
  });

  it("refuses a malformed receipt handle with AWS's text", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: "garbage" })));
    expect(error).toBeInstanceOf(ReceiptHandleIsInvalid);
    expect(error.name).toBe("ReceiptHandleIsInvalid");
    expect(error.message).toBe('The input receipt handle "garbage" is not a valid receipt handle.');
  });

  it("hints when a MessageId is passed as the receipt handle", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const error = await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: MessageId })));
    expect(error["hint"]).toMatch(/looks like a MessageId/);
  });

  it("delays a message by DelaySeconds, counting it as delayed meanwhile", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "later", DelaySeconds: 10 }));
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    await sb.clock.advance(10_000);
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it("applies the queue's DelaySeconds when the message gives none", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("slow", { DelaySeconds: "5" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "later" }));
    await sb.clock.advance(4999);
    expect((await counts(sqs, queueUrl)).delayed).toBe(1);
    await sb.clock.advance(1);
    expect((await counts(sqs, queueUrl)).visible).toBe(1);
  });

  it("drops messages after the retention period", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("short", { MessageRetentionPeriod: "60" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "old" }));
    await sb.clock.advance(60_000);
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(sb.trace.events.at(-1)?.kind).toBe("retention-expired");
  });

  it("round-trips message attributes, filtered by MessageAttributeNames", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: "order",
        MessageAttributes: {
          "order.type": { DataType: "String", StringValue: "express" },
          "order.total": { DataType: "Number", StringValue: "42.5" },
          customer: { DataType: "Binary", BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      }),
    );
    expect(sent.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ["order.*"] }));
    expect(Messages![0]!.MessageAttributes).toEqual({
      "order.type": { DataType: "String", StringValue: "express" },
      "order.total": { DataType: "Number", StringValue: "42.5" },
    });
  });

  it("changes visibility: 0 makes the message visible at once", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    expect(await counts(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it("changes visibility from the time of the call", async () => {
    // given a message received at t=0 with 30 s visibility
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    // when at t=20 s the consumer extends it by 60 s
    await sb.clock.advance(20_000);
    await sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle, VisibilityTimeout: 60 }),
    );
    // then it is hidden until t=80 s, not t=30 s
    await sb.clock.advance(59_999);
    expect((await counts(sqs, queueUrl)).inFlight).toBe(1);
    await sb.clock.advance(1);
    expect((await counts(sqs, queueUrl)).visible).toBe(1);
  });

  it("refuses to change visibility of a deleted message", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const handle = Messages![0]!.ReceiptHandle!;
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handle }));
    const error = await errorOf(
      sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 10 })),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
    );
  });

  it("keeps the 12-hour maximum counted from the receive", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sb.clock.advance(5000);
    const handle = Messages![0]!.ReceiptHandle;
    const error = await errorOf(
      sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 43_200 })),
    );
    expect(error.message).toMatch(/beyond the limit \[43200 seconds\]/);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 43_195 }));
  });

  it("records create, send, receive and delete in the trace with times", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));
    await sb.clock.advance(1000);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    expect(sb.trace.events.map((e) => [e.kind, e.time - Date.UTC(2026, 0, 1)])).toEqual([
      ["create-queue", 0],
      ["send", 0],
      ["receive", 1000],
      ["delete", 1000],
    ]);
  });

  it("hands out copies of messages: mutating a received message changes nothing inside", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: "job",
        MessageAttributes: { bin: { DataType: "Binary", BinaryValue: new Uint8Array([7]) } },
      }),
    );
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ["All"], VisibilityTimeout: 0 }));
    first.Messages![0]!.Body = "tampered";
    first.Messages![0]!.MessageAttributes!["bin"]!.BinaryValue![0] = 99;
    await sb.clock.advance(0);
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ["All"] }));
    expect(second.Messages![0]!.Body).toBe("job");
    expect([...second.Messages![0]!.MessageAttributes!["bin"]!.BinaryValue!]).toEqual([7]);
  });
});
