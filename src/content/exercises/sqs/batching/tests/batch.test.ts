import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  CreateQueueCommand,
  ReceiveMessageCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SendMessageBatchCommand,
  DeleteMessageCommand,
  DeleteMessageBatchCommand,
  type Message,
} from "@aws-sdk/client-sqs";
import { deleteAll, sendAll, type SendReport } from "./batch";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;

beforeEach(() => {
  sb = createSandbox({ seed: 9 });
  sqs = new SQSClient({});
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
}

async function visible(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages);
}

/** Receives everything visible (hiding it for 30 s) and returns the bodies. */
async function receiveAll(queueUrl: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let i = 0; i < 20; i++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) break;
    all.push(...Messages);
  }
  return all;
}

/** Counts the requests of each kind the code under test makes. */
function countRequests() {
  const send = vi.spyOn(SQSClient.prototype, "send");
  const count = (type: abstract new (...args: never[]) => unknown) =>
    send.mock.calls.filter(([command]) => command instanceof type).length;
  return { count };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function sendAllCatching(queueUrl: string, bodies: string[]): Promise<SendReport> {
  try {
    return await sendAll(queueUrl, bodies);
  } catch (error) {
    throw new Error(
      `sendAll threw (${describeError(error)}): a failed entry in a batch does not throw: read it from the ` +
        "response's Failed list (and a request with more than 10 entries is refused as a whole)",
    );
  }
}

const orders = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ orderId: `o-${i + 1}` }));

describe("sendAll", () => {
  it("sends 25 messages in 3 SendMessageBatch requests", async () => {
    const queueUrl = await createQueue("orders");
    const requests = countRequests();

    const report = await sendAllCatching(queueUrl, orders(25));

    expect(
      requests.count(SendMessageCommand),
      `sendAll made ${requests.count(SendMessageCommand)} SendMessage requests, one per message: send them with ` +
        "SendMessageBatch instead, up to 10 per request (fewer requests, lower bill)",
    ).toBe(0);
    expect(
      requests.count(SendMessageBatchCommand),
      "25 messages fit in 3 batches of at most 10 entries",
    ).toBe(3);
    expect(report.sent, "all 25 messages were stored, so report.sent should be 25").toBe(25);
    expect(await visible(queueUrl), "the queue should hold the 25 messages").toBe(25);
  });

  it("reports the messages SQS refused, by position, and sends the rest", async () => {
    // This queue refuses messages over 1 KiB.
    const queueUrl = await createQueue("small-orders", { MaximumMessageSize: "1024" });
    const bodies = orders(16);
    bodies[4] = "x".repeat(2000);
    bodies[13] = "y".repeat(3000);

    const report = await sendAllCatching(queueUrl, bodies);

    expect(
      report.failed.map((failure) => failure.index),
      "messages 4 and 13 are larger than the queue's 1,024-byte limit, so SQS put them in the batch's Failed " +
        "list (SenderFault: true); report each one with its position in bodies",
    ).toEqual([4, 13]);
    expect(
      report.failed.map((failure) => failure.code),
      "code: the Failed entry's Code",
    ).toEqual(["InvalidParameterValue", "InvalidParameterValue"]);
    expect(report.failed[0]?.message, "message: the Failed entry's Message").toMatch(/shorter than 1024 bytes/);
    expect(report.sent, "the other 14 messages were stored, so report.sent should be 14").toBe(14);
    expect(await visible(queueUrl), "the 14 valid messages should be in the queue").toBe(14);
  });

  it("retries the entries that failed on SQS's side", async () => {
    const queueUrl = await createQueue("orders");
    // For the first batch, SQS stores all entries but the 2nd and 3rd, and
    // reports those two as its own fault (SenderFault: false).
    // One signature of the SDK's overloaded send: the one these calls use.
    const realSend: (this: SQSClient, command: any) => Promise<any> = SQSClient.prototype.send;
    let failedOnce = false;
    vi.spyOn(SQSClient.prototype, "send").mockImplementation(async function (this: SQSClient, command: any) {
      if (failedOnce || !(command instanceof SendMessageBatchCommand)) return realSend.call(this, command);
      failedOnce = true;
      const entries = command.input.Entries ?? [];
      const dropped = entries.slice(1, 3);
      const result: any = await realSend.call(
        this,
        new SendMessageBatchCommand({ ...command.input, Entries: entries.filter((entry) => !dropped.includes(entry)) }),
      );
      const failed = dropped.map((entry) => ({
        Id: entry.Id,
        SenderFault: false,
        Code: "InternalError",
        Message: "We encountered an internal error. Please try again.",
      }));
      return { ...result, Failed: [...(result.Failed ?? []), ...failed] };
    });

    const report = await sendAllCatching(queueUrl, orders(10));
    vi.restoreAllMocks();
    const stored = (await receiveAll(queueUrl)).map((message) => message.Body);

    expect(
      orders(10).filter((body) => !stored.includes(body)),
      "SQS failed 2 entries on its side (SenderFault: false, InternalError) and they were never sent again: " +
        "send entries with SenderFault: false once more",
    ).toEqual([]);
    expect(stored.length, "each of the 10 messages should be stored exactly once: resend only the failed entries").toBe(10);
    expect(report.sent, "all 10 messages were stored in the end, so report.sent should be 10").toBe(10);
    expect(report.failed, "nothing failed for good, so report.failed should be empty").toEqual([]);
  });
});

describe("deleteAll", () => {
  it("deletes 15 messages with 2 DeleteMessageBatch requests", async () => {
    const queueUrl = await createQueue("orders");
    for (const body of orders(15)) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const received = await receiveAll(queueUrl);
    const requests = countRequests();

    const notDeleted = await deleteAll(queueUrl, received);
    await sb.clock.advance(31_000);

    expect(
      requests.count(DeleteMessageCommand),
      `deleteAll made ${requests.count(DeleteMessageCommand)} DeleteMessage requests: use DeleteMessageBatch, ` +
        "up to 10 receipt handles per request",
    ).toBe(0);
    expect(requests.count(DeleteMessageBatchCommand), "15 deletes fit in 2 batches of at most 10").toBe(2);
    expect(notDeleted, "every delete succeeded, so deleteAll should return an empty list").toEqual([]);
    expect(
      await visible(queueUrl),
      "31 s later, messages came back: they were not deleted before their visibility timeout ran out",
    ).toBe(0);
  });

  it("returns the messages whose delete failed, and deletes the others", async () => {
    // On a FIFO queue, a receipt handle stops working when the visibility timeout ends.
    const queueUrl = await createQueue("jobs.fifo", { FifoQueue: "true", ContentBasedDeduplication: "true" });
    const put = (body: string, group: string) =>
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: group }));
    await put("a-1", "a");
    await put("a-2", "a");
    await put("b-1", "b");
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 2 }))).Messages ?? [];
    await sb.clock.advance(20_000);
    const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 2 }))).Messages ?? [];
    // 35 s after the first receive, its 30 s visibility timeout is over.
    await sb.clock.advance(15_000);

    let notDeleted: string[] | undefined;
    let thrown: unknown;
    try {
      notDeleted = await deleteAll(queueUrl, [...first, ...second]);
    } catch (error) {
      thrown = error;
    }

    expect(
      thrown,
      `deleteAll threw (${describeError(thrown)}): in a batch, a failed delete is an entry in the response's ` +
        "Failed list, not an exception. Collect those instead",
    ).toBeUndefined();
    expect(
      [...(notDeleted ?? [])].sort(),
      "a-1 and a-2 were received 35 s ago and their receipt handles expired with the 30 s visibility timeout, " +
        "so SQS refused those two deletes: return their MessageIds",
    ).toEqual(first.map((message) => message.MessageId).sort());
    const left = (await receiveAll(queueUrl)).map((message) => message.Body);
    expect(left, "b-1 was deleted in time; only a-1 and a-2 should be left in the queue").toEqual(["a-1", "a-2"]);
  });
});
