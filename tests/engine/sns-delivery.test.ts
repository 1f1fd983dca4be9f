/** Delivery to each protocol, confirmation, queue policies, retries on the virtual clock and DLQs. */
import { describe, expect, it } from "vitest";
import { PublishCommand, SubscribeCommand, ConfirmSubscriptionCommand } from "sandbox-engine/aws/client-sns";
import { ReceiveMessageCommand } from "sandbox-engine/aws/client-sqs";
import type { LambdaInvokeResult, WorldHttpRequest } from "sandbox-engine";
import { bodies, depth, givenQueue, givenTopic, subscribeQueue } from "./sns-helpers.ts";

const snsEvents = (f: { sb: { trace: { events: readonly { service: string; kind: string; details: Record<string, unknown> }[] } } }, kind: string) =>
  f.sb.trace.events.filter((e) => e.service === "sns" && e.kind === kind);

describe("delivery to SQS", () => {
  it("given a subscribed queue, the message arrives as AWS's JSON envelope", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    const sub = await subscribeQueue(f, q.arn);
    const { MessageId } = await f.sns.send(
      new PublishCommand({ TopicArn: f.topicArn, Message: '{"order":1}', Subject: "New order", MessageAttributes: { kind: { DataType: "String", StringValue: "order" } } }),
    );
    const [body] = await bodies(f, q.url);
    const doc = JSON.parse(body!);
    expect(Object.keys(doc)).toEqual(["Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes"]);
    expect(doc).toMatchObject({
      Type: "Notification",
      MessageId,
      TopicArn: f.topicArn,
      Subject: "New order",
      Message: '{"order":1}',
      Timestamp: "2026-01-01T00:00:00.000Z",
      SignatureVersion: "1",
      UnsubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub}`,
      MessageAttributes: { kind: { Type: "String", Value: "order" } },
    });
    expect(doc.Signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(doc.SigningCertURL).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
  });
  it("without Subject or attributes, those keys are absent", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "plain" }));
    const doc = JSON.parse((await bodies(f, q.url))[0]!);
    expect(doc.Subject).toBeUndefined();
    expect(doc.MessageAttributes).toBeUndefined();
  });
  it("with RawMessageDelivery, the body is the message and SNS attributes become SQS attributes", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    await subscribeQueue(f, q.arn, { RawMessageDelivery: "true" });
    await f.sns.send(
      new PublishCommand({
        TopicArn: f.topicArn,
        Message: "raw body",
        MessageAttributes: { n: { DataType: "Number", StringValue: "42" }, tags: { DataType: "String.Array", StringValue: '["a","b"]' } },
      }),
    );
    const { Messages } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MessageAttributeNames: ["All"] }));
    expect(Messages![0]!.Body).toBe("raw body");
    expect(Messages![0]!.MessageAttributes).toEqual({
      n: { DataType: "Number", StringValue: "42" },
      tags: { DataType: "String.Array", StringValue: '["a","b"]' },
    });
  });
  it("MessageStructure json sends each protocol its own text", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "billing");
    await subscribeQueue(f, q.arn, { RawMessageDelivery: "true" });
    f.sb.world.http.endpoint("https://hooks.example.com/x", () => 200);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, MessageStructure: "json", Message: JSON.stringify({ default: "for everyone", sqs: "for queues" }) }));
    expect(await bodies(f, q.url)).toEqual(["for queues"]);
  });
  it("a queue without a policy refuses SNS: recorded in plain words, not retried (client-side error), discarded", async () => {
    const f = await givenTopic();
    const q = await givenQueue(f, "orders-billing", false);
    await subscribeQueue(f, q.arn);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(60_000);
    expect(await depth(f, q.url)).toBe(0);
    const [failed] = snsEvents(f, "delivery-failed");
    expect(failed!.details).toMatchObject({ reason: "queue orders-billing has no access policy, so it does not allow sns.amazonaws.com to SendMessage from topic orders", retryable: false });
    expect(snsEvents(f, "delivery-retry-scheduled")).toHaveLength(0);
    expect(snsEvents(f, "discarded")).toHaveLength(1);
  });
  it("a policy for another topic refuses it; the message goes to the subscription's DLQ", async () => {
    const f = await givenTopic();
    const otherTopic = "arn:aws:sns:us-east-1:123456789012:payments";
    const arn = "arn:aws:sqs:us-east-1:123456789012:orders-billing";
    const wrong = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: arn, Condition: { ArnEquals: { "aws:SourceArn": otherTopic } } }] });
    const q = await givenQueue(f, "orders-billing", wrong);
    const dlq = await givenQueue(f, "orders-billing-dlq");
    await subscribeQueue(f, q.arn, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) });
    const { MessageId } = await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    expect(snsEvents(f, "delivery-failed")[0]!.details.reason).toBe("queue orders-billing's policy does not allow sns.amazonaws.com to SendMessage from topic orders");
    const [dead] = await bodies(f, dlq.url);
    expect(JSON.parse(dead!)).toMatchObject({ Type: "Notification", MessageId, Message: "m" });
    expect(snsEvents(f, "dead-letter")[0]!.details).toMatchObject({ deadLetterQueue: dlq.arn });
  });
  it("a deleted queue is a client-side error too", async () => {
    const f = await givenTopic();
    await subscribeQueue(f, "arn:aws:sqs:us-east-1:123456789012:gone");
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    expect(snsEvents(f, "delivery-failed")[0]!.details.reason).toBe("queue gone does not exist (was it deleted?)");
  });
  it("filter policies decide who gets what (attributes and body)", async () => {
    const f = await givenTopic();
    const big = await givenQueue(f, "big");
    const eu = await givenQueue(f, "eu");
    await subscribeQueue(f, big.arn, { FilterPolicy: JSON.stringify({ total: [{ numeric: [">=", 100] }] }), RawMessageDelivery: "true" });
    await subscribeQueue(f, eu.arn, { FilterPolicy: JSON.stringify({ region: [{ prefix: "eu-" }] }), FilterPolicyScope: "MessageBody", RawMessageDelivery: "true" });
    const send = (body: object, total: string) => f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: JSON.stringify(body), MessageAttributes: { total: { DataType: "Number", StringValue: total } } }));
    await send({ region: "eu-west-1", id: 1 }, "50");
    await send({ region: "us-east-1", id: 2 }, "500");
    await send({ region: "eu-central-1", id: 3 }, "150");
    expect((await bodies(f, big.url)).map((b) => JSON.parse(b).id)).toEqual([2, 3]);
    expect((await bodies(f, eu.url)).map((b) => JSON.parse(b).id)).toEqual([1, 3]);
    expect(snsEvents(f, "filtered-out")).toHaveLength(2);
  });
});

describe("FIFO topics", () => {
  it("keep order per group, pass the group to the FIFO queue, and deduplicate for 5 minutes", async () => {
    const f = await givenTopic("orders.fifo", { ContentBasedDeduplication: "true" });
    const q = await givenQueue(f, "billing.fifo");
    await subscribeQueue(f, q.arn, { RawMessageDelivery: "true" });
    const first = await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "a1", MessageGroupId: "a" }));
    expect(first.SequenceNumber).toMatch(/^\d+$/);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "b1", MessageGroupId: "b" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "a2", MessageGroupId: "a" }));
    const dup = await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "a1", MessageGroupId: "a" }));
    expect(dup.MessageId).toBe(first.MessageId);
    const { Messages } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["MessageGroupId"] }));
    expect(Messages!.map((m) => [m.Body, m.Attributes!.MessageGroupId])).toEqual([["a1", "a"], ["a2", "a"], ["b1", "b"]]);
    await f.sb.clock.advance(5 * 60_000);
    const again = await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "a1", MessageGroupId: "a" }));
    expect(again.MessageId).not.toBe(first.MessageId);
  });
  it("needs a deduplication id without content-based deduplication", async () => {
    const f = await givenTopic("orders.fifo");
    await expect(f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m", MessageGroupId: "g" }))).rejects.toThrow(
      "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    );
  });
});

describe("HTTP/HTTPS endpoints", () => {
  it("first get only the SubscriptionConfirmation; after visiting SubscribeURL they get notifications", async () => {
    const f = await givenTopic();
    const received: WorldHttpRequest[] = [];
    f.sb.world.http.endpoint("https://shop.example.com/sns", (request) => {
      received.push(request);
      return 200;
    });
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "https", Endpoint: "https://shop.example.com/sns" }));
    expect(SubscriptionArn).toBe("pending confirmation");
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "before confirmation" }));
    await f.sb.clock.advance(1000);
    expect(received).toHaveLength(1);
    const confirmation = JSON.parse(received[0]!.body);
    expect(received[0]!.headers["x-amz-sns-message-type"]).toBe("SubscriptionConfirmation");
    expect(confirmation).toMatchObject({ Type: "SubscriptionConfirmation", TopicArn: f.topicArn });
    expect(confirmation.Token).toMatch(/^[0-9a-f]{256}$/);
    expect(confirmation.SubscribeURL).toBe(`https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${f.topicArn}&Token=${confirmation.Token}`);
    const visited = f.sb.sns.visit(confirmation.SubscribeURL);
    expect(visited.ok).toBe(true);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "after" }));
    await f.sb.clock.advance(0);
    expect(received).toHaveLength(2);
    expect(received[1]!.headers).toMatchObject({ "x-amz-sns-message-type": "Notification", "content-type": "text/plain; charset=UTF-8" });
    expect(JSON.parse(received[1]!.body).Message).toBe("after");
  });
  it("can be confirmed with ConfirmSubscription and the token; tokens expire after 2 days", async () => {
    const f = await givenTopic();
    let token = "";
    f.sb.world.http.endpoint("http://a.example.com/", (request) => {
      if (request.headers["x-amz-sns-message-type"] === "SubscriptionConfirmation") token = JSON.parse(request.body).Token;
    });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "http", Endpoint: "http://a.example.com/" }));
    await f.sb.clock.advance(0);
    await f.sb.clock.advance(2 * 24 * 3600_000 + 1);
    await expect(f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: f.topicArn, Token: token }))).rejects.toThrow("Invalid parameter: Token");
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "http", Endpoint: "http://a.example.com/" }));
    await f.sb.clock.advance(0);
    const { SubscriptionArn } = await f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: f.topicArn, Token: token }));
    expect(SubscriptionArn).toMatch(/^arn:aws:sns:/);
  });
  it("a failing endpoint is retried 3 times, 20 s apart (the default policy), then goes to the DLQ", async () => {
    const f = await givenTopic();
    const dlq = await givenQueue(f, "hook-dlq");
    const times: number[] = [];
    f.sb.world.http.endpoint("https://down.example.com/", (request) => {
      if (request.headers["x-amz-sns-message-type"] === "Notification") times.push(f.sb.clock.now());
      return request.headers["x-amz-sns-message-type"] === "Notification" ? 503 : 200;
    });
    const { SubscriptionArn } = await f.sns.send(
      new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "https", Endpoint: "https://down.example.com/", ReturnSubscriptionArn: true, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) } }),
    );
    const [confirmation] = f.sb.world.http.requests("https://down.example.com/");
    await f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: f.topicArn, Token: JSON.parse(confirmation!.request.body).Token }));
    const start = f.sb.clock.now();
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(59_999);
    expect(await depth(f, dlq.url)).toBe(0);
    await f.sb.clock.advance(1);
    expect(times.map((t) => t - start)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(await depth(f, dlq.url)).toBe(1);
    expect(snsEvents(f, "dead-letter")[0]!.details).toMatchObject({ subscription: SubscriptionArn, attempts: 4 });
  });
  it("a custom DeliveryPolicy changes the schedule; a 4xx answer is not retried; a handler that throws is", async () => {
    const f = await givenTopic();
    let status = 500;
    let calls = 0;
    f.sb.world.http.endpoint("https://x.example.com/", (request) => {
      if (request.headers["x-amz-sns-message-type"] !== "Notification") return 200;
      calls++;
      if (status === 0) throw new Error("boom");
      return status;
    });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "https", Endpoint: "https://x.example.com/", Attributes: { DeliveryPolicy: JSON.stringify({ healthyRetryPolicy: { numRetries: 1, minDelayTarget: 5, maxDelayTarget: 5 } }) } }));
    f.sb.sns.visit(JSON.parse(f.sb.world.http.requests()[0]!.request.body).SubscribeURL);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10_000);
    expect(calls).toBe(2);
    status = 404;
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10_000);
    expect(calls).toBe(3);
    status = 0;
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10_000);
    expect(calls).toBe(5);
    expect(snsEvents(f, "delivery-failed").at(-1)!.details.reason).toBe("the handler at https://x.example.com/ threw: boom");
  });
});

describe("email", () => {
  it("needs confirmation from the mailbox, then receives the message (email) or the JSON (email-json)", async () => {
    const f = await givenTopic("orders", { DisplayName: "Shop" });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "email", Endpoint: "ana@example.com" }));
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "email-json", Endpoint: "ops@example.com" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "too early" }));
    const ana = () => f.sb.world.mailbox("ana@example.com");
    const ops = () => f.sb.world.mailbox("ops@example.com");
    expect(ana().map((m) => m.headers["x-amz-sns-message-type"])).toEqual(["SubscriptionConfirmation"]);
    expect(ana()[0]!.subject).toBe("AWS Notification - Subscription Confirmation");
    // "Click" the link in the email, and the SubscribeURL in the JSON.
    const link = /https:\/\/sns\.\S*Action=ConfirmSubscription\S*/.exec(ana()[0]!.text)?.[0];
    expect(f.sb.sns.visit(link!).ok).toBe(true);
    expect(f.sb.sns.visit(JSON.parse(ops()[0]!.text).SubscribeURL).ok).toBe(true);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "your order shipped", Subject: "Order 7" }));
    const mail = ana()[1]!;
    expect(mail).toMatchObject({ subject: "Order 7", from: "no-reply@sns.amazonaws.com", to: ["ana@example.com"], cc: [], html: undefined });
    expect(mail.headers).toMatchObject({ "x-amz-sns-message-type": "Notification", "x-amz-sns-topic-arn": f.topicArn });
    expect(mail.text.startsWith("your order shipped")).toBe(true);
    expect(JSON.parse(ops()[1]!.text)).toMatchObject({ Type: "Notification", Message: "your order shipped" });
  });
});

describe("Lambda", () => {
  it("invokes asynchronously with the SNSEvent shape of AWS-FACTS C.3", async () => {
    const f = await givenTopic();
    const events: unknown[] = [];
    f.sb.sns.setLambdaInvoker({ invokeAsync: (request) => (events.push(request), { status: "accepted" }) });
    const fn = "arn:aws:lambda:us-east-1:123456789012:function:notify";
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "lambda", Endpoint: fn }));
    const { MessageId } = await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "Hello from SNS!" }));
    await f.sb.clock.advance(0);
    expect(events).toHaveLength(1);
    const request = events[0] as { functionArn: string; sourceArn: string; event: { Records: { Sns: Record<string, unknown> }[] } };
    expect(request.functionArn).toBe(fn);
    expect(request.sourceArn).toBe(f.topicArn);
    const record = request.event.Records[0]!;
    expect(record).toMatchObject({ EventVersion: "1.0", EventSubscriptionArn: SubscriptionArn, EventSource: "aws:sns" });
    expect(Object.keys(record.Sns)).toEqual(["SignatureVersion", "Timestamp", "Signature", "SigningCertUrl", "MessageId", "Message", "MessageAttributes", "Type", "UnsubscribeUrl", "TopicArn", "Subject"]);
    expect(record.Sns).toMatchObject({ MessageId, Message: "Hello from SNS!", Subject: null, MessageAttributes: {}, Type: "Notification" });
  });
  it("retries server-side errors with the managed policy (3 immediate, then 1 s apart), not client-side ones", async () => {
    const f = await givenTopic();
    const results: LambdaInvokeResult[] = [
      { status: "server-error", reason: "throttled" },
      { status: "server-error", reason: "throttled" },
      { status: "server-error", reason: "throttled" },
      { status: "server-error", reason: "throttled" },
      { status: "accepted" },
    ];
    const times: number[] = [];
    f.sb.sns.setLambdaInvoker({ invokeAsync: async () => (times.push(f.sb.clock.now()), results.shift()!) });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "lambda", Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:f" }));
    const start = f.sb.clock.now();
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(5_000);
    expect(times.map((t) => t - start)).toEqual([0, 0, 0, 0, 1_000]);
    expect(snsEvents(f, "delivered")).toHaveLength(1);
  });
  it("with the sandbox's Lambda service, the function runs with the SNS event", async () => {
    const f = await givenTopic();
    const lambda = (f.sb as unknown as { lambda?: { createFunction?: (input: unknown) => unknown } }).lambda;
    if (lambda?.createFunction === undefined) return; // Lambda is being built in parallel
    const seen: unknown[] = [];
    lambda.createFunction({ FunctionName: "notify", handler: async (event: unknown) => void seen.push(event) });
    // As on AWS, the function's resource-based policy must let SNS invoke it (delivery-router.test.ts: refused without).
    f.sb.lambda.addPermission({ FunctionName: "notify", StatementId: "sns", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com", SourceArn: f.topicArn });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "lambda", Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:notify" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "to lambda" }));
    await f.sb.clock.advance(10_000);
    expect((seen[0] as { Records: { Sns: { Message: string } }[] }).Records[0]!.Sns.Message).toBe("to lambda");
  });
});
