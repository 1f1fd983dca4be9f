/**
 * SNS behaviours checked against AWS (issue 15, item 12). Sources: the SNS API reference
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, API_Subscribe.html) and LocalStack's AWS-validated
 * snapshots (tests/aws/services/sns/test_sns.snapshot.json: test_message_to_fifo_sqs, test_subscribe_idempotency,
 * test_tags, test_empty_or_wrong_message_attributes).
 */
import { describe, expect, it } from "vitest";
import { PublishCommand, SubscribeCommand, TagResourceCommand } from "sandbox-engine/aws/client-sns";
import { ReceiveMessageCommand } from "sandbox-engine/aws/client-sqs";
import { bodies, errorOf, givenQueue, givenTopic, subscribeQueue } from "./sns-helpers.ts";

describe("Publish", () => {
  it("takes a UTF-8 Subject and refuses line breaks and control characters", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "inbox");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m", Subject: "Commande n° 7 — reçue ✓" }));
    expect(JSON.parse((await bodies(f, q.url))[0]!).Subject).toBe("Commande n° 7 — reçue ✓");
    for (const bad of ["two\nlines", "bell\u0007", ""]) {
      const error = await errorOf(f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m", Subject: bad })));
      expect([error.name, error.message]).toEqual(["InvalidParameterException", "Invalid parameter: Subject"]);
    }
  });

  it("forwards a standard topic's MessageGroupId to its SQS subscriptions (fair queues)", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "tenant-jobs");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "job", MessageGroupId: "tenant-42" }));
    const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MessageSystemAttributeNames: ["MessageGroupId"] }));
    expect(Messages[0]!.Attributes?.MessageGroupId).toBe("tenant-42");
  });

  it("checks the attribute type's field, with AWS's texts", async () => {
    const f = await givenTopic();
    const cases = [
      [{ DataType: "String", BinaryValue: new Uint8Array([1]) }, "The message attribute 'a' with type 'String' must use field 'String'."],
      [{ DataType: "Number", BinaryValue: new Uint8Array([1]) }, "The message attribute 'a' with type 'Number' must use field 'String'."],
      [{ DataType: "Binary", StringValue: "x" }, "The message attribute 'a' with type 'Binary' must use field 'Binary'."],
      [{ DataType: "Text", StringValue: "x" }, "The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."],
    ] as const;
    for (const [attribute, text] of cases) {
      const error = await errorOf(f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m", MessageAttributes: { a: attribute } })));
      expect([error.name, error.message]).toEqual(["InvalidParameterValueException", text]);
    }
  });
});

describe("FIFO topics", () => {
  it("deliver notifications without signature fields, with the SequenceNumber after the MessageId", async () => {
    const f = await givenTopic("orders.fifo", { ContentBasedDeduplication: "true" });
    const q = await givenQueue(f, "billing.fifo");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "Test", MessageGroupId: "g" }));
    const doc = JSON.parse((await bodies(f, q.url))[0]!);
    expect(Object.keys(doc)).toEqual(["Type", "MessageId", "SequenceNumber", "TopicArn", "Message", "Timestamp", "UnsubscribeURL"]);
  });

  it("deliver to a standard queue too, without group or deduplication ids", async () => {
    const f = await givenTopic("orders.fifo", { ContentBasedDeduplication: "true" });
    const q = await givenQueue(f, "analytics");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "a", MessageGroupId: "g" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "b", MessageGroupId: "g" }));
    const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["All"] }));
    expect(Messages.map((m) => JSON.parse(m.Body!).Message)).toEqual(["a", "b"]);
    expect(Messages.every((m) => m.Attributes?.MessageGroupId === undefined && m.Attributes?.MessageDeduplicationId === undefined)).toBe(true);
  });
});

describe("Subscribe and tags", () => {
  it("returns the existing subscription when called again with default attribute values", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    const subscribe = (Attributes?: Record<string, string>) =>
      f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "sqs", Endpoint: q.arn, ReturnSubscriptionArn: true, ...(Attributes ? { Attributes } : {}) }));
    const { SubscriptionArn } = await subscribe({ RawMessageDelivery: "True" });
    expect((await subscribe({ RawMessageDelivery: "true" })).SubscriptionArn).toBe(SubscriptionArn);
    expect((await subscribe({ RawMessageDelivery: "true", FilterPolicyScope: "MessageAttributes" })).SubscriptionArn).toBe(SubscriptionArn);
    expect((await subscribe()).SubscriptionArn).toBe(SubscriptionArn);
    expect((await subscribe({ FilterPolicyScope: "MessageAttributes" })).SubscriptionArn).toBe(SubscriptionArn);
    const error = await errorOf(subscribe({ RawMessageDelivery: "false", FilterPolicyScope: "MessageBody" }));
    expect(error.message).toBe("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
  });

  it("refuses a tag key given twice in one request, and keeps the topic's tags", async () => {
    const f = await givenTopic();
    const error = await errorOf(f.sns.send(new TagResourceCommand({
      ResourceArn: f.topicArn,
      Tags: [{ Key: "k1", Value: "v1" }, { Key: "k2", Value: "v2" }, { Key: "k2", Value: "v2" }],
    })));
    expect([error.name, error.message]).toEqual(["InvalidParameterException", "Invalid parameter: Duplicated keys are not allowed."]);
    expect(f.sb.sns.listTagsForResource({ ResourceArn: f.topicArn })).toMatchObject({ ok: true, value: { Tags: [] } });
  });
});
