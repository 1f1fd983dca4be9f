import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "sandbox-engine/aws/client-sqs";
import { errorOf, givenQueue } from "./sqs-helpers.ts";

// Learner code is not type-checked at run time: anything may arrive.
const anything = <T>(value: unknown): T => value as T;

describe("SQS input validation", () => {
  it("requires MessageBody, with AWS's text", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (const body of [undefined, ""]) {
      const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body })));
      expect(error.name).toBe("MissingParameter");
      expect(error.message).toBe("The request must contain the parameter MessageBody.");
    }
  });

  it("requires QueueUrl", async () => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new SendMessageCommand(anything({ MessageBody: "x" }))));
    expect(error.name).toBe("MissingParameter");
    expect(error.message).toBe("The request must contain the parameter QueueUrl.");
  });

  it("refuses a MessageBody that is not a string, without a TypeError", async () => {
    const { sqs, queueUrl } = await givenQueue();
    for (const body of [42, { order: 1 }, ["a"], true]) {
      const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: anything(body) })));
      expect(error.name).toBe("InvalidParameterValue");
      expect(error.message).toMatch(/for parameter MessageBody is invalid. Reason: must be a string/);
    }
  });

  it("survives requests that are not objects at all", async () => {
    const { sqs } = await givenQueue();
    for (const input of [undefined, null, 42, "orders"]) {
      const error = await errorOf(sqs.send(new ReceiveMessageCommand(anything(input))));
      expect(error.name).toBe("MissingParameter");
    }
  });

  it("refuses messages over 1 MiB with AWS's text", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x".repeat(1_048_577) })),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe("One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.");
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x".repeat(1_048_576) }));
  });

  it("counts bytes, not characters, against MaximumMessageSize", async () => {
    const { sqs, queueUrl } = await givenQueue("small", { MaximumMessageSize: "1024" });
    const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "é".repeat(513) })));
    expect(error.message).toBe("One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
  });

  it.each([-1, 901, 1.5, "5"])("refuses DelaySeconds %j", async (delay) => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(
      sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", DelaySeconds: anything(delay) })),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toMatch(/^Value (5|-1|901|1\.5) for parameter DelaySeconds is invalid/);
  });

  it.each([0, 11])("refuses MaxNumberOfMessages %d with AWS's text", async (max) => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(
      `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
    );
  });

  it.each([-1, 21])("refuses WaitTimeSeconds %d with AWS's text", async (wait) => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: wait })));
    expect(error.message).toBe(`Value ${wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`);
  });

  it("refuses a receive VisibilityTimeout over 12 hours", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const error = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 43_201 })));
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("refuses a misspelt system attribute name", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const names = anything<["All"]>(["ApproximateRecieveCount"]);
    const error = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: names })));
    expect(error.name).toBe("InvalidAttributeName");
  });

  it("refuses ChangeMessageVisibility outside 0-43200 or without a timeout", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    const handle = Messages![0]!.ReceiptHandle;
    const tooLong = await errorOf(
      sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: handle, VisibilityTimeout: 43_201 })),
    );
    expect(tooLong.name).toBe("InvalidParameterValue");
    const missing = await errorOf(
      sqs.send(new ChangeMessageVisibilityCommand(anything({ QueueUrl: queueUrl, ReceiptHandle: handle }))),
    );
    expect(missing.name).toBe("MissingParameter");
  });

  it("refuses bad message attributes", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const cases: unknown[] = [
      { "AWS.reserved": { DataType: "String", StringValue: "x" } },
      { n: { DataType: "Number", StringValue: "abc" } },
      { s: { DataType: "String" } },
      { t: { DataType: "Date", StringValue: "x" } },
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: "String", StringValue: "x" }])),
    ];
    for (const attributes of cases) {
      const error = await errorOf(
        sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "x", MessageAttributes: anything(attributes) })),
      );
      expect(error.name).toBe("InvalidParameterValue");
    }
  });

  it("refuses a client created for another region, explaining why", async () => {
    const { sb } = await givenQueue();
    const client = new SQSClient({ sandbox: sb, region: "eu-west-1" });
    const error = await errorOf(client.send(new CreateQueueCommand({ QueueName: "x" })));
    expect(error.message).toMatch(/simulates region us-east-1/);
  });

  it("leaves state intact after every kind of bad request", async () => {
    const { sqs, queueUrl } = await givenQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "keep" }));
    const junk: unknown[] = [null, 0, "", [], {}, { QueueUrl: 5 }, { QueueUrl: queueUrl, ReceiptHandle: {} }];
    for (const input of junk) await errorOf(sqs.send(new DeleteMessageCommand(anything(input))));
    for (const input of junk.slice(0, -1)) await errorOf(sqs.send(new GetQueueAttributesCommand(anything(input))));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(Messages?.map((m) => m.Body)).toEqual(["keep"]);
  });
});
