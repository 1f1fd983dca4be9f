/**
 * SQS behaviours checked against AWS (issue 15, item 11 and the DLQ points of item 5). Each test
 * names its source: the current AWS documentation, or a LocalStack test whose snapshot was
 * recorded against AWS ("LS validated": localstack/localstack tests/aws/services/sqs/test_sqs.py).
 */
import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from "sandbox-engine/aws/client-sqs";
import { addQueue, countsOf, errorOf, givenFifoQueue, givenQueue } from "./sqs-helpers.ts";

const redrive = (arn: string, maxReceiveCount: number) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount });

describe("SQS message contents (API_SendMessage.html: invalid characters are rejected)", () => {
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
  // "If a message contains characters outside the allowed set, Amazon SQS rejects the message and
  // returns an InvalidMessageContents error." LS validated: test_send_message_with_invalid_payload_characters.
  it("refuses a body with characters outside the allowed set, and stores nothing", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "Invalid-\u0000-\u0008-\u0013-\uFFFF" })));
    expect(error.name).toBe("InvalidMessageContents");
    const mixed = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "almost \u0001 fine" })));
    expect(mixed.name).toBe("InvalidMessageContents");
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  // LS validated: test_batch_send_with_invalid_char_should_succeed (the bad entry fails on its own).
  it("fails only the batch entry with an invalid character, with InvalidMessageContents", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const entries = Array.from({ length: 9 }, (_, i) => ({ Id: String(i), MessageBody: String(i) }));
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [...entries, { Id: "9", MessageBody: "\u0001" }] }));
    expect(out.Failed).toEqual([expect.objectContaining({ Id: "9", Code: "InvalidMessageContents", SenderFault: true })]);
    expect(out.Successful).toHaveLength(9);
    expect((await countsOf(sqs, queueUrl)).visible).toBe(9);
  });

  // LS validated: test_invalid_string_attributes_cause_invalid_parameter_value_error; the allowed
  // set applies to attribute values too (API_MessageAttributeValue.html, StringValue).
  it("refuses control characters in a String attribute value with InvalidParameterValue", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(
      sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: "test",
          MessageAttributes: { attr1: { DataType: "String", StringValue: "Invalid-\u0008,\u000b" } },
        }),
      ),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toMatch(/attr1/);
    expect((await countsOf(sqs, queueUrl)).visible).toBe(0);
  });
});

describe("SQS queue type attribute (LS validated: test_set_unsupported_attribute_standard / _fifo)", () => {
  it("refuses FifoQueue, true or false, on a standard queue", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (const value of ["true", "false"]) {
      const error = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { FifoQueue: value } })));
      expect([error.name, error.message]).toEqual(["InvalidAttributeName", "Unknown Attribute FifoQueue."]);
    }
  });

  it("accepts FifoQueue=true again on a FIFO queue, and refuses false", async () => {
    const { sqs, queueUrl } = await givenFifoQueue();
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { FifoQueue: "true" } }));
    const error = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { FifoQueue: "false" } })));
    expect([error.name, error.message]).toEqual([
      "InvalidAttributeValue",
      "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.",
    ]);
  });
});

describe("SQS FIFO sends", () => {
  // LS validated: test_purge_queue_clears_fifo_deduplication_cache.
  it("forgets deduplication ids on PurgeQueue, so the same id is delivered again", async () => {
    const { sqs, queueUrl } = await givenFifoQueue("orders", { ContentBasedDeduplication: "false" });
    const send = (body: string) =>
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: "g", MessageDeduplicationId: "same" }));
    await send("message-1");
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    await send("message-2");
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(Messages?.map((m) => m.Body)).toEqual(["message-2"]);
  });

  // LS validated: test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay.
  it("gives a send with an explicit DelaySeconds: 0 the queue's delay", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue("orders", { DelaySeconds: "2" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "message-1", MessageGroupId: "1", DelaySeconds: 0 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toBeUndefined();
    await sb.clock.advance(2000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages?.map((m) => m.Body)).toEqual(["message-1"]);
  });
});

describe("SQS batch sends that fail as a whole", () => {
  // LS validated (recorded 2025-08-19): test_send_message_batch_with_oversized_contents. The total
  // counts every entry, even one too large on its own.
  it("refuses the whole batch with BatchRequestTooLong when the entries add up to more than 1 MiB", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const attributes = { k: { DataType: "String", StringValue: "x" } };
    const body = "a".repeat(1_048_576 - "kStringx".length);
    const error = await errorOf(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: [
            { Id: "1", MessageBody: body, MessageAttributes: attributes },
            { Id: "2", MessageBody: "a" },
          ],
        }),
      ),
    );
    expect([error.name, error.message]).toEqual([
      "BatchRequestTooLong",
      "Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.",
    ]);
    const oversized = await errorOf(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: "1", MessageBody: "a".repeat(1_048_577) }, { Id: "2", MessageBody: "b" }] })),
    );
    expect(oversized.name).toBe("BatchRequestTooLong");
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  // LS validated: test_send_batch_message_size (an entry over the queue's MaximumMessageSize fails alone).
  it("fails only the entry larger than the queue's MaximumMessageSize", async () => {
    const { sqs, queueUrl } = await givenQueue("small", { MaximumMessageSize: "1024" });
    const out = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: "fits", MessageBody: "a".repeat(1024) }, { Id: "big", MessageBody: "a".repeat(1025) }] }),
    );
    expect(out.Successful?.map((e) => e.Id)).toEqual(["fits"]);
    expect(out.Failed).toEqual([
      {
        Id: "big",
        SenderFault: true,
        Code: "InvalidParameterValue",
        Message: "One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.",
      },
    ]);
  });

  // LS validated: test_send_batch_missing_deduplication_id_for_fifo_queue and
  // test_send_batch_missing_message_group_id_for_fifo_queue: one such entry fails the request.
  it.each([
    [
      { MessageGroupId: "test-group" },
      "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    ],
    [{ MessageDeduplicationId: "dedup-2" }, "The request must contain the parameter MessageGroupId."],
  ])("refuses a whole FIFO batch when one entry lacks what FIFO needs: %#", async (second, message) => {
    const { sqs, queueUrl } = await givenFifoQueue("jobs", { ContentBasedDeduplication: "false" });
    const error = await errorOf(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: [
            { Id: "first", MessageBody: "messageBody", MessageGroupId: "test-group", MessageDeduplicationId: "dedup-1" },
            { Id: "second", MessageBody: "messageBody", ...second },
          ],
        }),
      ),
    );
    expect([error.name, error.message]).toEqual(["InvalidParameterValue", message]);
    expect((await countsOf(sqs, queueUrl)).visible).toBe(0);
  });
});

describe("SQS receipt handles", () => {
  // moto test_change_message_visibility_on_old_message ("this is allowed in AWS"): an older handle
  // of a message that is in flight again still changes its visibility.
  it("lets an older receipt handle change the visibility of a message that is in flight again", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("orders", { VisibilityTimeout: "1" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "test message 1" }));
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages![0]!;
    await sb.clock.advance(2000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toHaveLength(1);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first.ReceiptHandle, VisibilityTimeout: 100 }));
    await sb.clock.advance(2000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages).toBeUndefined();
  });

  // API_DeleteMessage.html: "you must provide the most recently received ReceiptHandle for the
  // message (otherwise, the request succeeds, but the message will not be deleted)".
  it("answers a DeleteMessage with an older receipt handle with success, and deletes nothing", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("orders", { VisibilityTimeout: "1" });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "kept" }));
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages![0]!;
    await sb.clock.advance(2000);
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first.ReceiptHandle }));
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  });
});

describe("SQS ReceiveMessage attribute filters (LS validated: test_receive_message_message_attribute_names_filters)", () => {
  async function receiveWith(names: string[]) {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: "msg",
        MessageAttributes: {
          "Help.Me": { DataType: "String", StringValue: "Me" },
          Hello: { DataType: "String", StringValue: "There" },
          General: { DataType: "String", StringValue: "Kenobi" },
        },
      }),
    );
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: names }));
    return Object.keys(Messages![0]!.MessageAttributes ?? {}).sort();
  }

  it.each([
    [["All"], ["General", "Hello", "Help.Me"]],
    [["*"], ["General", "Hello", "Help.Me"]],
    [[".*"], ["General", "Hello", "Help.Me"]],
    [["Hel.*"], ["Hello", "Help.Me"]],
    [["Foo", "Hello"], ["Hello"]],
    [["Foo", "Help"], []],
    [["AWS."], []],
    [["..foo"], []],
  ])("MessageAttributeNames %j returns %j", async (names, expected) => {
    expect(await receiveWith(names)).toEqual(expected);
  });
});

describe("SQS fair queues (LS validated 2025-08-18: test_fair_queue_with_message_group_id)", () => {
  it("accepts a MessageGroupId on a standard queue and returns it as a system attribute", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "message", MessageGroupId: "test" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ["All"] }));
    expect(Messages![0]!.Attributes).toMatchObject({ MessageGroupId: "test", ApproximateReceiveCount: "1" });
    expect(Messages![0]!.Attributes).not.toHaveProperty("SequenceNumber");
  });

  it("does not order or block a standard queue by group", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (const body of ["a1", "a2"]) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: "a" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    // a1 is in flight; on a FIFO queue a2 would wait for it, on a standard queue it does not
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).Messages?.map((m) => m.Body)).toEqual(["a2"]);
  });
});

describe("SQS FIFO group visibility (LS validated 2025-11: test_fifo_group_visibility_extends_with_change_message_visibility)", () => {
  it.each([
    [0, []],
    [1, ["foo"]],
    [2, ["foo", "bar"]],
  ])("with message %i kept in flight, returns the earlier visible messages of the group: %j", async (extended, expected) => {
    const { sb, sqs, queueUrl } = await givenFifoQueue("orders", { VisibilityTimeout: "1", ContentBasedDeduplication: "false" });
    for (const body of ["foo", "bar", "baz"]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: "1", MessageDeduplicationId: body }));
    }
    const all = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 5 }))).Messages!;
    expect(all.map((m) => m.Body)).toEqual(["foo", "bar", "baz"]);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: all[extended]!.ReceiptHandle, VisibilityTimeout: 4 }));
    await sb.clock.advance(2500);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 5 }));
    expect((again.Messages ?? []).map((m) => m.Body)).toEqual(expected);
  });

  // LS validated 2025-11-17: test_fifo_message_group_visibility_after_change_message_visibility.
  it("serves the first message of a group again once it is visible, while the second is in flight", async () => {
    const { sb, sqs, queueUrl } = await givenFifoQueue("orders", { VisibilityTimeout: "30" });
    for (const [body, group] of [["g1-m1", "group-1"], ["g1-m2", "group-1"], ["g2-m1", "group-2"]] as const) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: group }));
    }
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 2 }))).Messages!;
    expect(first.map((m) => m.Body)).toEqual(["g1-m1", "g1-m2"]);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: first[0]!.ReceiptHandle, VisibilityTimeout: 1 }));
    await sb.clock.advance(2000);
    const next = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 3 }));
    expect(next.Messages!.map((m) => m.Body)).toEqual(["g2-m1", "g1-m1"]);
  });
});

describe("SQS dead-letter moves (issue 15 item 5)", () => {
  // LS validated: test_dead_letter_queue_message_attributes (maxReceiveCount 1; the first receive
  // from the dead-letter queue shows ApproximateReceiveCount "2").
  it("carries the receive count over into the dead-letter queue", async () => {
    const { sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dl-queue");
    const source = await addQueue(sqs, "queue", { RedrivePolicy: redrive(dlq.arn, 1) });
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "message-1" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, VisibilityTimeout: 0 }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, VisibilityTimeout: 0 })); // moves it
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageSystemAttributeNames: ["All"] }));
    expect(Messages![0]!.Attributes).toMatchObject({ ApproximateReceiveCount: "2", DeadLetterQueueSourceArn: source.arn });
  });

  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html
  // "For FIFO queues, the enqueue timestamp resets when the message is moved to a dead-letter queue."
  it("restarts retention when a FIFO message moves to its FIFO dead-letter queue", async () => {
    const { sb, sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dlq.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true", MessageRetentionPeriod: "120" });
    const source = await addQueue(sqs, "src.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true", RedrivePolicy: redrive(dlq.arn, 1) });
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "old", MessageGroupId: "g" }));
    await sb.clock.advance(100_000);
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, VisibilityTimeout: 0 }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, VisibilityTimeout: 0 })); // moves it
    await sb.clock.advance(100_000); // 200 s after the send, 100 s after the move
    expect((await countsOf(sqs, dlq.url)).visible).toBe(1);
    await sb.clock.advance(20_000); // 120 s after the move
    expect((await countsOf(sqs, dlq.url)).visible).toBe(0);
  });
});
