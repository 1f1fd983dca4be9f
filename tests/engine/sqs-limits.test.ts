import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";
import { errorOf, givenQueue } from "./sqs-helpers.ts";

describe("SQS limits", () => {
  it("accepts every allowed character range, astral ones included", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const body = "tab\tnl\ncr\r \uD7FF \uE000 \uFFFD \u{1F600} \u{10FFFF}";
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(Messages![0]!.Body).toBe(body);
  });

  it("answers a short poll with OverLimit at 120,000 messages in flight, and a long poll with nothing", async () => {
    const sb = createSandbox();
    const sqs = new SQSClient({ sandbox: sb });
    const created = sb.sqs.createQueue({ QueueName: "busy" });
    if (!created.ok) throw new Error(created.fault.message);
    const QueueUrl = created.value.QueueUrl!;
    for (let i = 0; i < 120_001; i++) sb.sqs.sendMessage({ QueueUrl, MessageBody: "x" });
    for (let i = 0; i < 12_000; i++) await sb.sqs.receiveMessage({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 600 });
    const error = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl })));
    expect(error.name).toBe("OverLimit");
    const long = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(long.Messages).toBeUndefined();
  }, 60_000);
});
