/** The bill of a sandbox at list prices: SQS requests in 64 KB chunks, SNS requests and deliveries, all services as one. */
import { describe, expect, it } from "vitest";
import { addBills, createSandbox, sandboxBill } from "sandbox-engine";
import { PublishCommand, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";
import { givenQueue, givenTopic, subscribeQueue } from "./sns-helpers.ts";

describe("SQS bill", () => {
  it("given sends, a batch, receives (one empty) and a delete, then each call is one request and big payloads count per 64 KB", async () => {
    const sb = createSandbox();
    const sqs = new SQSClient({ sandbox: sb });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "small" }));
    // 100 KB of ASCII: two 64 KB chunks, billed as two requests.
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "x".repeat(100 * 1024) }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [1, 2, 3].map((n) => ({ Id: `m${n}`, MessageBody: `order ${n}` })) }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    const { QueueUrl: fifoUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "orders.fifo", Attributes: { FifoQueue: "true" } }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: fifoUrl }));

    const bill = sb.sqs.bill();
    // create + small send + 2 chunks + batch + receive + delete = 7 standard; create + empty receive = 2 FIFO.
    expect(bill.lines).toEqual([
      { item: "standard queue requests", quantity: 7, costUsd: (7 * 0.4) / 1e6 },
      { item: "FIFO queue requests", quantity: 2, costUsd: (2 * 0.5) / 1e6 },
    ]);
    expect(bill.totalUsd).toBeCloseTo((7 * 0.4 + 2 * 0.5) / 1e6, 15);
    expect(bill.prices.source).toBe("https://aws.amazon.com/sqs/pricing/");
  });

  it("given message attributes that push a payload past 64 KB, then sends, batches and receives that return them bill one more request", async () => {
    const sb = createSandbox();
    const sqs = new SQSClient({ sandbox: sb });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
    // A 60 KB body fits one chunk; with a 10 KB attribute ("note" + "String" + value) the payload is 71,690 bytes: 2.
    const MessageAttributes = { note: { DataType: "String", StringValue: "n".repeat(10 * 1024) } };
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "x".repeat(60 * 1024), MessageAttributes }));
    // Received with its attributes: 2; received again without asking for them, only the 60 KB body: 1.
    const withAttributes = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ["All"], VisibilityTimeout: 0 }));
    expect(withAttributes.Messages![0]!.MessageAttributes).toBeDefined();
    await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    // Two entries of 30 KB bodies and 5 KB attributes: 71,700 bytes in one batch, 2 requests.
    const small = { note: { DataType: "String", StringValue: "n".repeat(5 * 1024) } };
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: ["a", "b"].map((Id) => ({ Id, MessageBody: "x".repeat(30 * 1024), MessageAttributes: small })) }));

    // create 1 + send 2 + receive with attributes 2 + receive without 1 + batch 2 = 8.
    const standard = sb.sqs.bill().lines[0]!;
    expect(standard).toMatchObject({ item: "standard queue requests", quantity: 8 });
    expect(standard.costUsd).toBeCloseTo((8 * 0.4) / 1e6, 15);
  });
});

describe("SNS bill", () => {
  it("given publishes fanned out to a queue and an email address, then requests, free SQS deliveries and paid emails", async () => {
    const f = await givenTopic();
    const queue = await givenQueue(f, "inbox");
    await subscribeQueue(f, queue.arn);
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "email", Endpoint: "ana@example.com" }));
    const link = /https:\/\/sns\.\S*Action=ConfirmSubscription\S*/.exec(f.sb.world.mailbox("ana@example.com")[0]!.text)?.[0];
    expect(f.sb.sns.visit(link!).ok).toBe(true);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "one" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "y".repeat(200 * 1024) }));

    const lines = Object.fromEntries(f.sb.sns.bill().lines.map((line) => [line.item, line]));
    // create-topic, 2 subscribes, publish "one", and a 200 KB publish = 4 chunks (the confirmation is a visit, not an API call).
    expect(lines["API requests"]).toEqual({ item: "API requests", quantity: 8, costUsd: (8 * 0.5) / 1e6 });
    expect(lines["SQS notifications (no charge)"]).toMatchObject({ quantity: 2, costUsd: 0 });
    expect(lines["email notifications"]).toEqual({ item: "email notifications", quantity: 2, costUsd: (2 * 2) / 100_000 });
    expect(lines["HTTP/S notifications"]).toMatchObject({ quantity: 0, costUsd: 0 });
  });
});

describe("the sandbox's bill", () => {
  it("given SNS -> SQS traffic, then one itemised bill lists only what was used, each line with its pricing page, and bills add up", async () => {
    const f = await givenTopic();
    const queue = await givenQueue(f, "inbox");
    await subscribeQueue(f, queue.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "hello" }));
    await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }));

    const bill = sandboxBill(f.sb);
    expect(bill.lines.map((line) => [line.service, line.item])).toEqual([
      ["SQS", "standard queue requests"],
      ["SNS", "API requests"],
      ["SNS", "SQS notifications (no charge)"],
    ]);
    expect(bill.lines.every((line) => line.source.startsWith("https://aws.amazon.com/"))).toBe(true);
    expect(bill.totalUsd).toBeCloseTo(f.sb.sqs.bill().totalUsd + f.sb.sns.bill().totalUsd, 15);

    const twice = addBills([bill, bill]);
    expect(twice.lines.map((line) => line.quantity)).toEqual(bill.lines.map((line) => 2 * line.quantity));
    expect(twice.totalUsd).toBeCloseTo(2 * bill.totalUsd, 15);
  });
});
