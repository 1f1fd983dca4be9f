import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from "sandbox-engine/aws/client-sqs";
import { countsOf, errorOf, givenQueue } from "./sqs-helpers.ts";

describe("SQS batch operations", () => {
  it("sends a batch, reporting each entry in Successful or Failed", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const out = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: "a", MessageBody: "hello" },
          { Id: "b", MessageBody: "" },
          { Id: "c", MessageBody: "late", DelaySeconds: 901 },
          { Id: "d", MessageBody: "fine", DelaySeconds: 5 },
        ],
      }),
    );
    expect(out.Successful!.map((e) => e.Id)).toEqual(["a", "d"]);
    expect(out.Successful![0]!.MD5OfMessageBody).toBe("5d41402abc4b2a76b9719d911017c592");
    expect(out.Failed).toEqual([
      { Id: "b", SenderFault: true, Code: "MissingParameter", Message: "The request must contain the parameter MessageBody." },
      expect.objectContaining({ Id: "c", SenderFault: true, Code: "InvalidParameterValue" }),
    ]);
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 1, inFlight: 0, delayed: 1 });
  });

  it.each([
    [[], "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"],
    [Array.from({ length: 20 }, (_, i) => ({ Id: `e${i}`, MessageBody: "x" })), "TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"],
    [[{ Id: "no spaces", MessageBody: "x" }], "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"],
    [[{ Id: "x".repeat(81), MessageBody: "x" }], "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"],
    [[{ Id: "1", MessageBody: "x" }, { Id: "1", MessageBody: "y" }], "BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"],
  ])("refuses the whole request: %#", async (entries, name, code) => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries })));
    expect(error.name).toBe(name);
    expect(error.Code).toBe(code);
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it("uses AWS's texts for too many entries and bad ids", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const tooMany = await errorOf(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: Array.from({ length: 20 }, (_, i) => ({ Id: `e${i}`, MessageBody: "x" })) })),
    );
    expect(tooMany.message).toBe("Maximum number of entries per request are 10. You have sent 20.");
    const badId = await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: "a.b", MessageBody: "x" }] })));
    expect(badId.message).toBe(
      "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
    );
  });

  it("refuses a batch over 1 MiB in all with BatchRequestTooLong, sending nothing", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const entries = [
      { Id: "a", MessageBody: "x".repeat(600_000) },
      { Id: "b", MessageBody: "y".repeat(448_577) },
    ];
    const error = await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries })));
    expect(error.name).toBe("BatchRequestTooLong");
    expect(error.message).toBe("Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");
    expect((await countsOf(sqs, queueUrl)).visible).toBe(0);
  });

  it("deletes and changes visibility in batches with per-entry failures", async () => {
    const { sb, sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [1, 2, 3].map((i) => ({ Id: `m${i}`, MessageBody: `${i}` })) }));
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(3);
    const changed = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: "keep", ReceiptHandle: Messages[0]!.ReceiptHandle, VisibilityTimeout: 300 },
          { Id: "bad", ReceiptHandle: "garbage", VisibilityTimeout: 10 },
          { Id: "range", ReceiptHandle: Messages[1]!.ReceiptHandle, VisibilityTimeout: 43_201 },
        ],
      }),
    );
    expect(changed.Successful).toEqual([{ Id: "keep" }]);
    expect(changed.Failed!.map((f) => [f.Id, f.Code])).toEqual([
      ["bad", "ReceiptHandleIsInvalid"],
      ["range", "InvalidParameterValue"],
    ]);
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: "one", ReceiptHandle: Messages[1]!.ReceiptHandle },
          { Id: "two", ReceiptHandle: Messages[2]!.ReceiptHandle },
          { Id: "junk", ReceiptHandle: "garbage" },
        ],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: "one" }, { Id: "two" }]);
    expect(deleted.Failed).toEqual([
      { Id: "junk", SenderFault: true, Code: "ReceiptHandleIsInvalid", Message: 'The input receipt handle "garbage" is not a valid receipt handle.' },
    ]);
    await sb.clock.advance(30_000);
    expect(await countsOf(sqs, queueUrl)).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  });
});
