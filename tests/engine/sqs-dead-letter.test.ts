import { describe, expect, it } from "vitest";
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  StartMessageMoveTaskCommand,
  type SQSClient,
} from "sandbox-engine/aws/client-sqs";
import { addQueue, countsOf, errorOf, givenQueue } from "./sqs-helpers.ts";

const redrive = (arn: string, maxReceiveCount: number | string = 2) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount });

async function receiveAll(sqs: SQSClient, queueUrl: string) {
  return (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, MessageSystemAttributeNames: ["All"] }))).Messages ?? [];
}

describe("SQS dead-letter queues", () => {
  it("moves a message on the receive after maxReceiveCount receives, keeping MessageId, Body and SentTimestamp", async () => {
    const { sb, sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "orders-dlq");
    const source = await addQueue(sqs, "orders", { RedrivePolicy: redrive(dlq.arn, 2) });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "poison" }));
    await sb.clock.advance(1000);
    expect(await receiveAll(sqs, source.url)).toHaveLength(1);
    expect(await receiveAll(sqs, source.url)).toHaveLength(1);
    // third attempt: moved, not returned
    expect(await receiveAll(sqs, source.url)).toHaveLength(0);
    const [moved] = await receiveAll(sqs, dlq.url);
    expect(moved).toMatchObject({ MessageId: sent.MessageId, Body: "poison" });
    expect(moved!.Attributes).toMatchObject({
      DeadLetterQueueSourceArn: source.arn,
      SentTimestamp: String(Date.UTC(2026, 0, 1)),
      // the two receives in the source count (LS validated test_dead_letter_queue_message_attributes)
      ApproximateReceiveCount: "3",
    });
    const event = sb.trace.events.find((e) => e.kind === "dead-letter")!;
    expect(event.resource).toBe(source.arn);
    expect(event.details).toMatchObject({ messageId: sent.MessageId, deadLetterQueueArn: dlq.arn, maxReceiveCount: 2 });
  });

  it("counts retention in the dead-letter queue from the original enqueue time", async () => {
    const { sb, sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dlq", { MessageRetentionPeriod: "120" });
    const source = await addQueue(sqs, "src", { RedrivePolicy: redrive(dlq.arn, 1) });
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "old" }));
    await sb.clock.advance(100_000);
    await receiveAll(sqs, source.url);
    await receiveAll(sqs, source.url); // moves it
    expect((await countsOf(sqs, dlq.url)).visible).toBe(1);
    await sb.clock.advance(20_000); // 120 s after the original send
    expect((await countsOf(sqs, dlq.url)).visible).toBe(0);
  });

  it.each([
    [{ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:missing", maxReceiveCount: 3 }, /Reason: Dead letter target does not exist\./],
    [{ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq", maxReceiveCount: 0 }, /Reason: Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive\./],
    [{ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq", maxReceiveCount: 1001 }, /valid values are from 1 to 1000/],
    [{ maxReceiveCount: 3 }, /Reason: Redrive policy does not contain mandatory attribute: deadLetterTargetArn\./],
    ["not json", /Reason: Redrive policy is not a dict or valid json\./],
  ])("refuses RedrivePolicy %j", async (policy, message) => {
    const { sqs } = await givenQueue("dlq");
    const raw = typeof policy === "string" ? policy : JSON.stringify(policy);
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "src", Attributes: { RedrivePolicy: raw } })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toMatch(new RegExp(`^Value ${raw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} for parameter RedrivePolicy is invalid\\.`));
    expect(error.message).toMatch(message);
  });

  it("needs a FIFO dead-letter queue for a FIFO queue, and a standard one for a standard queue", async () => {
    const { sqs } = await givenQueue("unused");
    const standardDlq = await addQueue(sqs, "dlq");
    const fifoDlq = await addQueue(sqs, "dlq.fifo", { FifoQueue: "true" });
    const fifoError = await errorOf(
      sqs.send(new CreateQueueCommand({ QueueName: "jobs.fifo", Attributes: { FifoQueue: "true", RedrivePolicy: redrive(standardDlq.arn) } })),
    );
    expect(fifoError.message).toMatch(/Dead-letter queue must be same type of queue as the source/);
    expect(fifoError.hint).toMatch(/FIFO queue needs a FIFO dead-letter queue/);
    const standardError = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "jobs", Attributes: { RedrivePolicy: redrive(fifoDlq.arn) } })));
    expect(standardError.name).toBe("InvalidParameterValue");
    await sqs.send(new CreateQueueCommand({ QueueName: "jobs.fifo", Attributes: { FifoQueue: "true", RedrivePolicy: redrive(fifoDlq.arn) } }));
  });

  it("honours the dead-letter queue's RedriveAllowPolicy", async () => {
    const { sqs } = await givenQueue("unused");
    const closed = await addQueue(sqs, "closed", { RedriveAllowPolicy: JSON.stringify({ redrivePermission: "denyAll" }) });
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "src", Attributes: { RedrivePolicy: redrive(closed.arn) } })));
    expect(error.message).toMatch(/does not allow this queue as a dead-letter source/);
    const byQueue = await addQueue(sqs, "only-a", {
      RedriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: ["arn:aws:sqs:us-east-1:123456789012:a"] }),
    });
    await sqs.send(new CreateQueueCommand({ QueueName: "a", Attributes: { RedrivePolicy: redrive(byQueue.arn) } }));
    await expect(sqs.send(new CreateQueueCommand({ QueueName: "b", Attributes: { RedrivePolicy: redrive(byQueue.arn) } }))).rejects.toThrow(/does not allow/);
    const tooMany = Array.from({ length: 11 }, (_, i) => `arn:aws:sqs:us-east-1:123456789012:q${i}`);
    const invalid = await errorOf(
      sqs.send(new CreateQueueCommand({ QueueName: "c", Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: tooMany }) } })),
    );
    expect(invalid.message).toMatch(/1 to 10 queue ARNs/);
  });

  it("lists the source queues of a dead-letter queue (queueUrls), and removes a policy set to \"\"", async () => {
    const { sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dlq");
    const a = await addQueue(sqs, "a", { RedrivePolicy: redrive(dlq.arn) });
    await addQueue(sqs, "b", { RedrivePolicy: redrive(dlq.arn) });
    const listed = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }));
    expect(listed.queueUrls).toEqual([a.url, a.url.replace(/a$/, "b")]);
    const paged = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url, MaxResults: 1 }));
    expect(paged.queueUrls).toEqual([a.url]);
    const next = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url, MaxResults: 1, NextToken: paged.NextToken }));
    expect(next.queueUrls).toEqual([a.url.replace(/a$/, "b")]);
    expect(next.NextToken).toBeUndefined();
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: a.url, Attributes: { RedrivePolicy: "" } }));
    expect((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }))).queueUrls).toHaveLength(1);
  });

  it("redrives messages back to their source queue with a message move task, on the virtual clock", async () => {
    const { sb, sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dlq");
    const source = await addQueue(sqs, "src", { RedrivePolicy: redrive(dlq.arn, 1) });
    for (let i = 0; i < 5; i++) await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: `m${i}` }));
    await receiveAll(sqs, source.url);
    await receiveAll(sqs, source.url); // all five moved
    expect((await countsOf(sqs, dlq.url)).visible).toBe(5);

    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 2 }));
    const running = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }));
    expect(running.Results).toEqual([
      expect.objectContaining({ TaskHandle, Status: "RUNNING", ApproximateNumberOfMessagesMoved: 0, ApproximateNumberOfMessagesToMove: 5 }),
    ]);
    const again = await errorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn })));
    expect(again.message).toMatch(/Only one active task is allowed/);
    await sb.clock.advance(1000);
    expect((await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results![0]!.ApproximateNumberOfMessagesMoved).toBe(2);
    await sb.clock.advance(2000);
    const done = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results![0]!;
    expect(done).toMatchObject({ Status: "COMPLETED", ApproximateNumberOfMessagesMoved: 5 });
    expect(done.TaskHandle).toBeUndefined();
    expect((await countsOf(sqs, source.url)).visible).toBe(5);
    expect((await countsOf(sqs, dlq.url)).visible).toBe(0);
    expect(sb.trace.events.filter((e) => e.kind === "move-task-moved")).toHaveLength(5);
  });

  it("cancels a running move task, and refuses a source that is no dead-letter queue", async () => {
    const { sqs } = await givenQueue("unused");
    const dlq = await addQueue(sqs, "dlq");
    const source = await addQueue(sqs, "src", { RedrivePolicy: redrive(dlq.arn, 1) });
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: "m" }));
    await receiveAll(sqs, source.url);
    await receiveAll(sqs, source.url);
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
    const cancelled = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
    expect(cancelled.ApproximateNumberOfMessagesMoved).toBe(0);
    expect((await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results![0]!.Status).toBe("CANCELLED");
    const notDlq = await errorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: source.arn })));
    expect(notDlq.message).toBe("Source queue must be configured as a Dead Letter Queue.");
    const missing = await errorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: "arn:aws:sqs:us-east-1:123456789012:nope" })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });
});
