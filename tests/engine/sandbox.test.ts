import { describe, expect, it } from "vitest";
import { AwsError, createSandbox, currentSandbox } from "sandbox-engine";
import { CreateQueueCommand, SendMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";

describe("createSandbox", () => {
  it("defaults to us-east-1, account 123456789012, and a fixed start time", () => {
    const sb = createSandbox();
    expect(sb.region).toBe("us-east-1");
    expect(sb.accountId).toBe("123456789012");
    expect(sb.clock.now()).toBe(Date.UTC(2026, 0, 1));
  });

  it("is deterministic: same seed, same message ids", async () => {
    const run = async (seed: number) => {
      const sb = createSandbox({ seed });
      const client = new SQSClient({ sandbox: sb });
      const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: "orders" }));
      const sent = await client.send(new SendMessageCommand({ QueueUrl, MessageBody: "x" }));
      return sent.MessageId;
    };
    expect(await run(5)).toBe(await run(5));
    expect(await run(5)).not.toBe(await run(6));
  });

  it("makes currentSandbox() the most recently created one", () => {
    createSandbox();
    const latest = createSandbox({ seed: 9 });
    expect(currentSandbox()).toBe(latest);
  });

  it("binds a module-scope client to the latest sandbox at send time", async () => {
    // given a client created before any sandbox (as learner modules do)
    const client = new SQSClient({});
    const first = createSandbox();
    await client.send(new CreateQueueCommand({ QueueName: "only-in-first" }));
    // when a new sandbox is created
    const second = createSandbox();
    await client.send(new CreateQueueCommand({ QueueName: "only-in-second" }));
    // then each request went to the sandbox that was current at the time
    expect(first.trace.events.map((e) => (e.kind === "create-queue" ? e.details.queueName : e.kind))).toEqual(["only-in-first"]);
    expect(second.trace.events.map((e) => (e.kind === "create-queue" ? e.details.queueName : e.kind))).toEqual(["only-in-second"]);
  });

  it("rejects bad options with a clear error", () => {
    expect(() => createSandbox({ accountId: "12" })).toThrow(AwsError);
    expect(() => createSandbox({ region: "mars" })).toThrow(/region must look like "us-east-1"/);
  });
});
