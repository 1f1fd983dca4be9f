import { describe, expect, it } from "vitest";
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
} from "sandbox-engine/aws/client-sqs";
import { countsOf, errorOf, givenFifoQueue, givenQueue } from "./sqs-helpers.ts";

describe("SQS queue administration", () => {
  it("lists queues by prefix, with MaxResults and NextToken paging", async () => {
    const { sqs } = await givenQueue("orders");
    for (const name of ["orders-dlq", "billing", "orders-eu"]) await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const all = await sqs.send(new ListQueuesCommand({}));
    expect(all.QueueUrls!.map((u) => u.split("/").pop())).toEqual(["billing", "orders", "orders-dlq", "orders-eu"]);
    expect(all.NextToken).toBeUndefined();
    const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "orders", MaxResults: 2 }));
    expect(first.QueueUrls!.map((u) => u.split("/").pop())).toEqual(["orders", "orders-dlq"]);
    const second = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "orders", MaxResults: 2, NextToken: first.NextToken }));
    expect(second.QueueUrls!.map((u) => u.split("/").pop())).toEqual(["orders-eu"]);
    expect(second.NextToken).toBeUndefined();
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: "nothing" }))).QueueUrls).toBeUndefined();
    expect((await errorOf(sqs.send(new ListQueuesCommand({ MaxResults: 1001 })))).name).toBe("InvalidParameterValue");
    expect((await errorOf(sqs.send(new ListQueuesCommand({ NextToken: "made-up" })))).message).toBe("Invalid NextToken value.");
  });

  it("deletes a queue; its name is reusable only after 60 s", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("orders");
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    expect((await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: "orders" })))).name).toBe("QueueDoesNotExist");
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x" })))).name).toBe("QueueDoesNotExist");
    const early = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "orders" })));
    expect(early.name).toBe("QueueDeletedRecently");
    expect(early.Code).toBe("AWS.SimpleQueueService.QueueDeletedRecently");
    expect(early.message).toBe("You must wait 60 seconds after deleting a queue before you can create another with the same name.");
    await sb.clock.advance(60_000);
    await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
    expect(sb.trace.events.some((e) => e.kind === "delete-queue")).toBe(true);
  });

  it("ends a long poll on a queue that is deleted", async () => {
    const { sqs, queueUrl } = await givenQueue("orders");
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    expect((await errorOf(poll)).name).toBe("QueueDoesNotExist");
  });

  it("sets attributes, updating LastModifiedTimestamp; refuses bad ones without changing anything", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("orders");
    await sb.clock.advance(5_000);
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { VisibilityTimeout: "60", Policy: '{"Statement":[]}' } }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
    expect(Attributes).toMatchObject({ VisibilityTimeout: "60", Policy: '{"Statement":[]}', LastModifiedTimestamp: String(Date.UTC(2026, 0, 1) / 1000 + 5) });
    const bad = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { DelaySeconds: "5", VisibilityTimeout: "99999" } })));
    expect(bad.name).toBe("InvalidAttributeValue");
    const after = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["DelaySeconds", "VisibilityTimeout"] }));
    expect(after.Attributes).toEqual({ DelaySeconds: "0", VisibilityTimeout: "60" });
    const policy = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: "{not json" } })));
    expect(policy.name).toBe("InvalidAttributeValue");
    expect(policy.message).toMatch(/^Invalid value for the parameter Policy\./);
    expect((await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: undefined })))).name).toBe("MissingParameter");
  });

  it("does not apply a new queue DelaySeconds to messages already in a standard queue", async () => {
    const { sqs, queueUrl } = await givenQueue("orders");
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x" }));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { DelaySeconds: "60" } }));
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it("gives AWS's errors for FIFO-only attributes on a standard queue and for changing the queue type", async () => {
    const { sqs, queueUrl } = await givenQueue("orders");
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ContentBasedDeduplication: "true" }, "InvalidAttributeName", "Unknown Attribute ContentBasedDeduplication."],
      [{ DeduplicationScope: "queue" }, "InvalidAttributeName", "You can specify the DeduplicationScope only when FifoQueue is set to true."],
      [{ FifoThroughputLimit: "perQueue" }, "InvalidAttributeName", "You can specify the FifoThroughputLimit only when FifoQueue is set to true."],
      [{ FifoQueue: "true" }, "InvalidAttributeName", "Unknown Attribute FifoQueue."],
    ];
    for (const [attributes, name, message] of cases) {
      const error = await errorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: attributes })));
      expect([error.name, error.message]).toEqual([name, message]);
    }
    const fifo = await givenFifoQueue("jobs");
    const change = await errorOf(fifo.sqs.send(new SetQueueAttributesCommand({ QueueUrl: fifo.queueUrl, Attributes: { FifoQueue: "false" } })));
    expect([change.name, change.message]).toEqual(["InvalidAttributeValue", "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported."]);
    const { Attributes } = await fifo.sqs.send(new GetQueueAttributesCommand({ QueueUrl: fifo.queueUrl, AttributeNames: ["All"] }));
    expect(Attributes).toMatchObject({ FifoQueue: "true", ContentBasedDeduplication: "true", DeduplicationScope: "queue", FifoThroughputLimit: "perQueue" });
  });

  it("reports QueueNameExists for a FIFO queue created again with another ContentBasedDeduplication", async () => {
    const { sqs } = await givenFifoQueue("jobs");
    const error = await errorOf(
      sqs.send(new CreateQueueCommand({ QueueName: "jobs.fifo", Attributes: { FifoQueue: "true", ContentBasedDeduplication: "false" } })),
    );
    expect(error.message).toBe("A queue already exists with the same name and a different value for attribute ContentBasedDeduplication");
  });

  it("tags, untags and lists tags", async () => {
    const { sqs, queueUrl } = await givenQueue("orders");
    await sqs.send(new TagQueueCommand({ QueueUrl: queueUrl, Tags: { team: "checkout", env: "dev" } }));
    await sqs.send(new UntagQueueCommand({ QueueUrl: queueUrl, TagKeys: ["env"] }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl: queueUrl }))).Tags).toEqual({ team: "checkout" });
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect((await errorOf(sqs.send(new TagQueueCommand({ QueueUrl: queueUrl, Tags: tooMany })))).message).toMatch(/at most 50 tags/);
    const created = await sqs.send(new CreateQueueCommand({ QueueName: "tagged", tags: { a: "1" } }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl: created.QueueUrl }))).Tags).toEqual({ a: "1" });
  });

  it("purges every message, once per 60 s (403 PurgeQueueInProgress)", async () => {
    const { sb, sqs, queueUrl } = await givenQueue("orders");
    for (let i = 0; i < 3; i++) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `${i}` }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const again = await errorOf(sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl })));
    expect(again.name).toBe("PurgeQueueInProgress");
    expect(again.Code).toBe("AWS.SimpleQueueService.PurgeQueueInProgress");
    expect((again.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    expect(again.message).toBe("Only one PurgeQueue operation on orders is allowed every 60 seconds.");
    await sb.clock.advance(60_000);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    expect(sb.trace.events.filter((e) => e.kind === "purge").map((e) => e.details["messages"])).toEqual([3, 0]);
  });
});
