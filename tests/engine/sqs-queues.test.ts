import { describe, expect, it } from "vitest";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  QueueNameExists,
  SendMessageCommand,
  SQSServiceException,
} from "sandbox-engine/aws/client-sqs";
import { errorOf, givenQueue } from "./sqs-helpers.ts";

describe("SQS queues", () => {
  it("creates a queue with an AWS-shaped URL and 200 metadata", async () => {
    const { sqs } = await givenQueue();
    const out = await sqs.send(new CreateQueueCommand({ QueueName: "payments" }));
    expect(out.QueueUrl).toBe("https://sqs.us-east-1.amazonaws.com/123456789012/payments");
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is idempotent for the same name and attributes", async () => {
    const { sqs, queueUrl } = await givenQueue("orders", { VisibilityTimeout: "60" });
    const again = await sqs.send(new CreateQueueCommand({ QueueName: "orders", Attributes: { VisibilityTimeout: "60" } }));
    expect(again.QueueUrl).toBe(queueUrl);
  });

  it("refuses the same name with a different attribute value", async () => {
    const { sqs } = await givenQueue("orders", { DelaySeconds: "0" });
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "orders", Attributes: { DelaySeconds: "5" } })));
    expect(error).toBeInstanceOf(QueueNameExists);
    expect(error.message).toBe("A queue already exists with the same name and a different value for attribute DelaySeconds");
    expect(error["Code"]).toBe("QueueAlreadyExists");
  });

  it.each(["", "has space", "a".repeat(81), "dots.not.allowed"])("refuses the queue name %j", async (name) => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: name })));
    expect(error.name).toBe(name === "" ? "MissingParameter" : "InvalidParameterValue");
  });

  it("explains the queue-name rule", async () => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "bad name" })));
    expect(error.message).toBe("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
  });

  it("accepts a name of exactly 80 characters", async () => {
    const { sqs } = await givenQueue();
    const out = await sqs.send(new CreateQueueCommand({ QueueName: "q".repeat(80) }));
    expect(out.QueueUrl).toMatch(/\/q{80}$/);
  });

  it("needs both the .fifo suffix and FifoQueue=true for a FIFO queue", async () => {
    const { sqs } = await givenQueue();
    const byName = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "jobs.fifo" })));
    expect(byName.name).toBe("InvalidParameterValue");
    expect(byName.message).toMatch(/must end with .fifo and you must set the attribute FifoQueue to true/);
    const byAttribute = await errorOf(
      sqs.send(new CreateQueueCommand({ QueueName: "jobs", Attributes: { FifoQueue: "true" } })),
    );
    expect(byAttribute.name).toBe("InvalidParameterValue");
    expect(byAttribute.message).toMatch(/must end with .fifo suffix and be 1 to 80 in length/);
    const out = await sqs.send(new CreateQueueCommand({ QueueName: "jobs.fifo", Attributes: { FifoQueue: "true" } }));
    expect(out.QueueUrl).toBe("https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo");
  });

  it.each([
    ["VisibilityTimeout", "43201"],
    ["VisibilityTimeout", "-1"],
    ["DelaySeconds", "901"],
    ["MessageRetentionPeriod", "59"],
    ["MessageRetentionPeriod", "1209601"],
    ["ReceiveMessageWaitTimeSeconds", "21"],
    ["MaximumMessageSize", "1023"],
    ["VisibilityTimeout", "ten"],
  ])("refuses %s = %s", async (name, value) => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "q2", Attributes: { [name]: value } })));
    expect(error.name).toBe("InvalidAttributeValue");
    expect(error.message).toMatch(new RegExp(`^Invalid value for the parameter ${name}\\.`));
  });

  it("tells the learner attribute values are strings", async () => {
    const { sqs } = await givenQueue();
    const attributes = { VisibilityTimeout: 60 } as unknown as Record<string, string>;
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "q3", Attributes: attributes })));
    expect(error.name).toBe("InvalidAttributeValue");
    expect(error.message).toMatch(/write "60", not 60/);
  });

  it("refuses unknown attributes", async () => {
    const { sqs } = await givenQueue();
    const attributes = { VisibilityTimout: "30" } as unknown as Record<string, string>;
    const error = await errorOf(sqs.send(new CreateQueueCommand({ QueueName: "q4", Attributes: attributes })));
    expect(error.name).toBe("InvalidAttributeName");
    expect(error.message).toBe("Unknown Attribute VisibilityTimout.");
  });

  it("finds a queue URL by name", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const out = await sqs.send(new GetQueueUrlCommand({ QueueName: "orders" }));
    expect(out.QueueUrl).toBe(queueUrl);
  });

  it("reports an unknown queue as QueueDoesNotExist", async () => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: "nope" })));
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error.name).toBe("QueueDoesNotExist");
    expect(error.message).toBe("The specified queue does not exist.");
    expect(error["$fault"]).toBe("client");
    expect(error["$metadata"]).toMatchObject({ httpStatusCode: 400, attempts: 1 });
    // Query-compatible: the old query code and type come from the x-amzn-query-error header.
    expect(error).toMatchObject({ Code: "AWS.SimpleQueueService.NonExistentQueue", Type: "Sender" });
  });

  it("reports a queue name passed as QueueUrl as QueueDoesNotExist with a hint", async () => {
    const { sqs } = await givenQueue();
    const error = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: "orders", MessageBody: "x" })));
    expect(error.name).toBe("QueueDoesNotExist");
    expect(error["hint"]).toMatch(/GetQueueUrlCommand/);
  });

  it("returns the default attributes of a new queue as strings", async () => {
    const { sqs, queueUrl, sb } = await givenQueue();
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
    expect(Attributes).toEqual({
      ApproximateNumberOfMessages: "0",
      ApproximateNumberOfMessagesDelayed: "0",
      ApproximateNumberOfMessagesNotVisible: "0",
      CreatedTimestamp: String(sb.clock.now() / 1000),
      DelaySeconds: "0",
      LastModifiedTimestamp: String(sb.clock.now() / 1000),
      MaximumMessageSize: "1048576",
      MessageRetentionPeriod: "345600",
      QueueArn: "arn:aws:sqs:us-east-1:123456789012:orders",
      ReceiveMessageWaitTimeSeconds: "0",
      SqsManagedSseEnabled: "true",
      VisibilityTimeout: "30",
    });
  });

  it("returns only the attributes asked for, and none when none are asked for", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const some = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
    expect(some.Attributes).toEqual({ QueueArn: "arn:aws:sqs:us-east-1:123456789012:orders" });
    const none = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl }));
    expect(none.Attributes).toBeUndefined();
  });

  it("refuses an unknown attribute name in GetQueueAttributes", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const names = ["Bogus"] as unknown as ["All"];
    const error = await errorOf(sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: names })));
    expect(error.name).toBe("InvalidAttributeName");
  });

  it("hands out copies: mutating a response changes nothing inside", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const first = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
    first.Attributes!.VisibilityTimeout = "999";
    const second = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
    expect(second.Attributes!.VisibilityTimeout).toBe("30");
  });
});
