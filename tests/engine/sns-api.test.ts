/** SNS API operations through the real @aws-sdk/client-sns: topics, subscriptions, tags, errors. */
import { describe, expect, it } from "vitest";
import {
  AuthorizationErrorException,
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishBatchCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SNSClient,
  SubscribeCommand,
  TagResourceCommand,
  UnsubscribeCommand,
  UntagResourceCommand,
} from "sandbox-engine/aws/client-sns";
import { errorOf, givenQueue, givenTopic, subscribeQueue } from "./sns-helpers.ts";

describe("topics", () => {
  it("given a new topic, GetTopicAttributes shows AWS's defaults and the default policy", async () => {
    const f = await givenTopic("orders", { DisplayName: "Orders" });
    expect(f.topicArn).toBe("arn:aws:sns:us-east-1:123456789012:orders");
    const { Attributes } = await f.sns.send(new GetTopicAttributesCommand({ TopicArn: f.topicArn }));
    expect(Attributes).toMatchObject({ TopicArn: f.topicArn, Owner: "123456789012", DisplayName: "Orders", SubscriptionsConfirmed: "0", SubscriptionsPending: "0", SubscriptionsDeleted: "0" });
    expect(JSON.parse(Attributes!.Policy!).Statement[0].Condition).toEqual({ StringEquals: { "AWS:SourceOwner": "123456789012" } });
    expect(Attributes!.FifoTopic).toBeUndefined();
  });
  it("CreateTopic is idempotent, but not with different attributes", async () => {
    const f = await givenTopic("orders", { DisplayName: "A" });
    const again = await f.sns.send(new CreateTopicCommand({ Name: "orders", Attributes: { DisplayName: "A" } }));
    expect(again.TopicArn).toBe(f.topicArn);
    const error = await errorOf(f.sns.send(new CreateTopicCommand({ Name: "orders", Attributes: { DisplayName: "B" } })));
    expect(error.message).toBe("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
  });
  it("FIFO topics need the .fifo name and FifoTopic, and report ContentBasedDeduplication", async () => {
    const f = await givenTopic("orders.fifo");
    const { Attributes } = await f.sns.send(new GetTopicAttributesCommand({ TopicArn: f.topicArn }));
    expect(Attributes).toMatchObject({ FifoTopic: "true", ContentBasedDeduplication: "false" });
    expect((await errorOf(f.sns.send(new CreateTopicCommand({ Name: "bad.fifo" })))).message).toBe("Invalid parameter: Topic Name");
    expect((await errorOf(f.sns.send(new CreateTopicCommand({ Name: "bad", Attributes: { FifoTopic: "true" } })))).message).toMatch(/^Fifo Topic names must end with \.fifo/);
  });
  it("bad names, unknown topics and FifoTopic changes are refused with AWS's errors; state stays intact", async () => {
    const f = await givenTopic();
    const bad = await errorOf(f.sns.send(new CreateTopicCommand({ Name: "has space" })));
    expect(bad).toBeInstanceOf(InvalidParameterException);
    expect(bad.name).toBe("InvalidParameterException");
    expect(bad.Code).toBe("InvalidParameter");
    const missing = await errorOf(f.sns.send(new GetTopicAttributesCommand({ TopicArn: `${f.topicArn}-nope` })));
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(missing.message).toBe("Topic does not exist");
    expect((await errorOf(f.sns.send(new SetTopicAttributesCommand({ TopicArn: f.topicArn, AttributeName: "FifoTopic", AttributeValue: "true" })))).message).toBe("Invalid parameter: AttributeName");
    expect((await errorOf(f.sns.send(new SetTopicAttributesCommand({ TopicArn: f.topicArn, AttributeName: "Policy", AttributeValue: "{not json" })))).message).toMatch(/^Invalid parameter: Policy Error/);
    expect((await f.sns.send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn: f.topicArn }]);
  });
  it("ListTopics pages by 100 with NextToken; DeleteTopic removes the topic and its subscriptions", async () => {
    const f = await givenTopic("t000");
    for (let i = 1; i < 150; i++) await f.sns.send(new CreateTopicCommand({ Name: `t${String(i).padStart(3, "0")}` }));
    const first = await f.sns.send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    const second = await f.sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect(second.Topics).toHaveLength(50);
    expect(second.NextToken).toBeUndefined();
    const q = await givenQueue(f, "q");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new DeleteTopicCommand({ TopicArn: f.topicArn }));
    await f.sns.send(new DeleteTopicCommand({ TopicArn: f.topicArn })); // no error the second time
    expect((await f.sns.send(new ListSubscriptionsCommand({}))).Subscriptions).toEqual([]);
  });
  it("tags: TagResource, ListTagsForResource, UntagResource; unknown resource", async () => {
    const f = await givenTopic();
    await f.sns.send(new TagResourceCommand({ ResourceArn: f.topicArn, Tags: [{ Key: "team", Value: "orders" }, { Key: "env", Value: "dev" }] }));
    await f.sns.send(new UntagResourceCommand({ ResourceArn: f.topicArn, TagKeys: ["env"] }));
    expect((await f.sns.send(new ListTagsForResourceCommand({ ResourceArn: f.topicArn }))).Tags).toEqual([{ Key: "team", Value: "orders" }]);
    expect((await errorOf(f.sns.send(new ListTagsForResourceCommand({ ResourceArn: `${f.topicArn}x` })))).name).toBe("ResourceNotFoundException");
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await errorOf(f.sns.send(new TagResourceCommand({ ResourceArn: f.topicArn, Tags: many })))).name).toBe("TagLimitExceededException");
  });
});

describe("subscriptions", () => {
  it("an SQS subscription is confirmed at once; its attributes follow AWS (FilterPolicyScope only with a FilterPolicy)", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    const arn = await subscribeQueue(f, q.arn, { FilterPolicyScope: "MessageBody" });
    expect(arn).toMatch(/^arn:aws:sns:us-east-1:123456789012:orders:[0-9a-f-]{36}$/);
    let { Attributes } = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }));
    expect(Attributes).toMatchObject({ Protocol: "sqs", Endpoint: q.arn, PendingConfirmation: "false", RawMessageDelivery: "false", TopicArn: f.topicArn });
    expect(Attributes!.FilterPolicyScope).toBeUndefined();
    await f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: arn, AttributeName: "FilterPolicy", AttributeValue: JSON.stringify({ a: { b: ["x"] } }) }));
    ({ Attributes } = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn })));
    expect(Attributes).toMatchObject({ FilterPolicyScope: "MessageBody", FilterPolicy: '{"a":{"b":["x"]}}' });
    // Back to the attribute scope: the nested policy no longer fits, and nothing changes.
    const refused = await errorOf(f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: arn, AttributeName: "FilterPolicyScope", AttributeValue: "MessageAttributes" })));
    expect(refused.message).toBe("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
    ({ Attributes } = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn })));
    expect(Attributes!.FilterPolicyScope).toBe("MessageBody");
  });
  it("Subscribe validates protocol, endpoint, attributes and filter policy with AWS's texts", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    const sub = (Protocol: string, Endpoint: string, Attributes?: Record<string, string>) =>
      errorOf(f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol, Endpoint, Attributes })));
    expect((await sub("carrier-pigeon", "x")).message).toBe("Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon");
    expect((await sub("https", "http://example.com")).message).toBe("Invalid parameter: Endpoint must match the specified protocol");
    expect((await sub("sqs", q.url)).message).toBe("Invalid parameter: SQS endpoint ARN");
    expect((await sub("email", "not-an-email")).message).toBe("Invalid parameter: Email address");
    expect((await sub("sqs", q.arn, { FilterPolicy: '{"key":[]}' })).message).toBe("Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed");
    expect((await sub("sqs", q.arn, { FilterPolicyScope: "RandomValue" })).message).toBe(
      "Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes",
    );
    expect((await sub("sqs", q.arn, { RawMessageDelivery: "yes" })).message).toBe("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [yes]. Must be true or false.");
    expect((await sub("sqs", q.arn, { RedrivePolicy: '{"deadLetterTargetArn":"nope"}' })).message).toBe("Invalid parameter: Attributes Reason: RedrivePolicy: deadLetterTargetArn is an invalid arn");
    expect((await sub("sqs", q.arn, { Colour: "blue" })).message).toBe("Invalid parameter: Attributes Reason: AttributeName");
    expect((await f.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: f.topicArn }))).Subscriptions).toEqual([]);
  });
  it("FIFO topics take FIFO and standard queues; standard topics standard queues only", async () => {
    // sns-fifo-topics.html / fifo-message-grouping.html: a FIFO topic delivers to standard queues too.
    const fifo = await givenTopic("orders.fifo");
    const standardQueue = await givenQueue(fifo, "plain");
    expect(await subscribeQueue(fifo, standardQueue.arn)).toMatch(/^arn:aws:sns:us-east-1:123456789012:orders\.fifo:/);
    // AWS-recorded text (LocalStack's test_sns snapshots).
    const standard = await givenTopic();
    expect((await errorOf(subscribeQueue(standard, "arn:aws:sqs:us-east-1:123456789012:q.fifo"))).message).toBe(
      "Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics",
    );
  });
  it("Subscribe is idempotent; Unsubscribe twice is fine; unknown subscriptions are NotFound", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    const a = await subscribeQueue(f, q.arn);
    expect(await subscribeQueue(f, q.arn)).toBe(a);
    expect((await errorOf(subscribeQueue(f, q.arn, { RawMessageDelivery: "true" }))).message).toBe("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
    await f.sns.send(new UnsubscribeCommand({ SubscriptionArn: a }));
    await f.sns.send(new UnsubscribeCommand({ SubscriptionArn: a }));
    expect((await errorOf(f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: a })))).message).toBe("Subscription does not exist");
    const { Attributes } = await f.sns.send(new GetTopicAttributesCommand({ TopicArn: f.topicArn }));
    expect(Attributes!.SubscriptionsDeleted).toBe("1");
  });
  it("an email subscription is pending; ConfirmSubscription with a wrong token fails", async () => {
    const f = await givenTopic();
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "email", Endpoint: "ana@example.com" }));
    expect(SubscriptionArn).toBe("pending confirmation");
    const listed = await f.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: f.topicArn }));
    expect(listed.Subscriptions![0]!.SubscriptionArn).toBe("PendingConfirmation");
    expect((await errorOf(f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: f.topicArn, Token: "abc" })))).message).toBe("Invalid parameter: Token");
  });
});

describe("publish input", () => {
  it("refuses bad input with AWS's errors and delivers nothing", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    await subscribeQueue(f, q.arn);
    const pub = (input: Record<string, unknown>) => errorOf(f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m", ...input } as never)));
    expect((await pub({ Message: "" })).message).toBe("Invalid parameter: Empty message");
    expect((await pub({ TopicArn: `${f.topicArn}x` })).name).toBe("NotFoundException");
    expect((await pub({ Subject: "" })).message).toBe("Invalid parameter: Subject");
    expect((await pub({ MessageStructure: "json", Message: '{"sqs":"x"}' })).message).toBe("Invalid parameter: Message Structure - No default entry in JSON message body");
    expect((await pub({ MessageStructure: "json", Message: "{" })).message).toBe("Invalid parameter: Message Structure - JSON message body failed to parse");
    expect((await pub({ MessageDeduplicationId: "d" })).message).toBe(
      "Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type",
    );
    expect((await pub({ MessageAttributes: { a: { DataType: "Float", StringValue: "1" } } })).name).toBe("InvalidParameterValueException");
    // 256 KiB = 262,144 bytes is the default MaximumMessageSize (large-message-payloads.html).
    expect((await pub({ Message: "x".repeat(262_145) })).message).toBe("Invalid parameter: Message too long");
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "x".repeat(262_144) }));
    expect(f.sb.trace.events.filter((e) => e.service === "sns" && e.kind === "publish")).toHaveLength(1);
  });
  it("PublishBatch: up to 10 entries with distinct valid ids; a FIFO topic needs a group id", async () => {
    const f = await givenTopic();
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `m${i}`, Message: `hello ${i}` }));
    const out = await f.sns.send(new PublishBatchCommand({ TopicArn: f.topicArn, PublishBatchRequestEntries: entries(3) }));
    expect(out.Successful!.map((s) => s.Id)).toEqual(["m0", "m1", "m2"]);
    expect((await errorOf(f.sns.send(new PublishBatchCommand({ TopicArn: f.topicArn, PublishBatchRequestEntries: entries(11) })))).name).toBe("TooManyEntriesInBatchRequestException");
    expect((await errorOf(f.sns.send(new PublishBatchCommand({ TopicArn: f.topicArn, PublishBatchRequestEntries: [] })))).name).toBe("EmptyBatchRequestException");
    expect((await errorOf(f.sns.send(new PublishBatchCommand({ TopicArn: f.topicArn, PublishBatchRequestEntries: [{ Id: "a", Message: "1" }, { Id: "a", Message: "2" }] })))).name).toBe(
      "BatchEntryIdsNotDistinctException",
    );
    const fifo = await givenTopic("o.fifo", { ContentBasedDeduplication: "true" });
    expect((await errorOf(fifo.sns.send(new PublishBatchCommand({ TopicArn: fifo.topicArn, PublishBatchRequestEntries: entries(2) })))).message).toBe(
      "Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
    );
  });
});

describe("topic policies", () => {
  it("another account may not publish until the topic policy allows it; an explicit Deny stops the owner's users", async () => {
    const f = await givenTopic();
    const outsider = new SNSClient({ sandbox: f.sb, caller: "arn:aws:iam::111122223333:user/ana" });
    const refused = await errorOf(outsider.send(new PublishCommand({ TopicArn: f.topicArn, Message: "hi" })));
    expect(refused).toBeInstanceOf(AuthorizationErrorException);
    expect(refused.message).toBe(
      `User: arn:aws:iam::111122223333:user/ana is not authorized to perform: SNS:Publish on resource: ${f.topicArn} because no resource-based policy allows the SNS:Publish action`,
    );
    expect((refused.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    const policy = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:user/ana" }, Action: "sns:Publish", Resource: f.topicArn },
        { Effect: "Deny", Principal: { AWS: "arn:aws:iam::123456789012:user/intern" }, Action: "sns:Publish", Resource: f.topicArn },
      ],
    };
    await f.sns.send(new SetTopicAttributesCommand({ TopicArn: f.topicArn, AttributeName: "Policy", AttributeValue: JSON.stringify(policy) }));
    await outsider.send(new PublishCommand({ TopicArn: f.topicArn, Message: "hi" }));
    const intern = new SNSClient({ sandbox: f.sb, caller: "arn:aws:iam::123456789012:user/intern" });
    expect((await errorOf(intern.send(new PublishCommand({ TopicArn: f.topicArn, Message: "hi" })))).message).toMatch(/with an explicit deny in a resource-based policy$/);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "owner" }));
    expect((await errorOf(outsider.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "email", Endpoint: "a@b.co" })))).name).toBe("AuthorizationErrorException");
  });
});
