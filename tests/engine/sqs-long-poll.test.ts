import { describe, expect, it } from "vitest";
import { ReceiveMessageCommand, SendMessageCommand } from "sandbox-engine/aws/client-sqs";
import { givenQueue } from "./sqs-helpers.ts";

const START = Date.UTC(2026, 0, 1);

describe("SQS long polling", () => {
  it("returns empty after WaitTimeSeconds even if nobody advances the clock (no deadlock)", async () => {
    // given an empty queue, and learner code that long-polls with nobody calling advance()
    const { sb, sqs, queueUrl } = await givenQueue();
    // when
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    // then the poll waited its 20 virtual seconds and came back empty
    expect(out.Messages).toBeUndefined();
    expect(sb.clock.now()).toBe(START + 20_000);
  });

  it("returns as soon as a message is sent during the wait", async () => {
    // given a long poll in progress
    const { sb, sqs, queueUrl } = await givenQueue();
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    // when 3 s later a message arrives
    await sb.clock.advance(3000);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "hi" }));
    // then the poll returns it at once
    const out = await polling;
    expect(out.Messages?.map((m) => m.Body)).toEqual(["hi"]);
    expect(sb.clock.now()).toBe(START + 3000);
  });

  it("wakes when a delayed message becomes visible", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "later", DelaySeconds: 7 }));
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    expect(out.Messages?.map((m) => m.Body)).toEqual(["later"]);
    expect(sb.clock.now()).toBe(START + 7000);
  });

  it("wakes when an in-flight message's visibility timeout expires", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "retry me" }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 12 }));
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    expect(out.Messages?.map((m) => m.Body)).toEqual(["retry me"]);
    expect(sb.clock.now()).toBe(START + 12_000);
  });

  it("uses the queue's ReceiveMessageWaitTimeSeconds when the request gives none", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("patient", { ReceiveMessageWaitTimeSeconds: "10" });
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(sb.clock.now()).toBe(START + 10_000);
  });

  it("WaitTimeSeconds 0 short-polls even on a long-polling queue", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("patient", { ReceiveMessageWaitTimeSeconds: "10" });
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 }));
    expect(sb.clock.now()).toBe(START);
  });

  it("serves two waiting pollers in arrival order, one message each", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    const first = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    const second = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    await sb.clock.advance(1000);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "a" }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "b" }));
    expect((await first).Messages?.map((m) => m.Body)).toEqual(["a"]);
    expect((await second).Messages?.map((m) => m.Body)).toEqual(["b"]);
  });

  it("keeps the clock where the test put it while a poll is pending", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    await sb.clock.advance(5000);
    expect(sb.clock.now()).toBe(START + 5000);
    await sb.clock.advance(15_000);
    expect((await polling).Messages).toBeUndefined();
    expect(sb.clock.now()).toBe(START + 20_000);
  });
});
