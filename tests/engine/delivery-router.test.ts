import { describe, expect, it } from "vitest";
import type { TraceEvent } from "sandbox-engine";
import { AddPermissionCommand, GetPolicyCommand, LambdaClient, RemovePermissionCommand, ResourceNotFoundException } from "sandbox-engine/aws/client-lambda";
import { PublishCommand, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { CreateEventSourceMappingCommand } from "sandbox-engine/aws/client-lambda";
import { ReceiveMessageCommand, SetQueueAttributesCommand } from "sandbox-engine/aws/client-sqs";
import { allowTopic, givenQueue, givenTopic, type SnsFixture } from "./sns-helpers.ts";
import { createDeliveryRouter } from "../../sandbox-engine/src/core/delivery-router.ts";

const events = (f: SnsFixture, kind: string) => f.sb.trace.events.filter((event) => event.kind === kind);

/** The SNS "delivery-failed" reasons so far. */
const failures = (f: SnsFixture) => f.sb.trace.events.flatMap((event) => (event.service === "sns" && event.kind === "delivery-failed" ? [event.details.reason] : []));

describe("delivery router: the receiver checks its own policy", () => {
  it("given a queue policy that allows another topic only, when SNS delivers, then SQS refuses it and nothing is enqueued", async () => {
    // given
    const f = await givenTopic();
    const queue = await givenQueue(f, "billing", false);
    await f.sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: allowTopic(queue.arn, "arn:aws:sns:us-east-1:123456789012:other") } }));
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "sqs", Endpoint: queue.arn }));
    // when
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "order 1" }));
    // then
    expect(failures(f)).toEqual(["queue billing's policy does not allow sns.amazonaws.com to SendMessage from topic orders"]);
    expect((await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }))).Messages).toBeUndefined();
    expect(events(f, "send")).toHaveLength(0);
  });

  it("given a queue policy that allows the topic, when SNS delivers, then the SQS send points back to the delivery attempt", async () => {
    const f = await givenTopic();
    const queue = await givenQueue(f, "billing");
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "sqs", Endpoint: queue.arn }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "order 1" }));
    const [send] = events(f, "send");
    expect(send?.cause).toBe(events(f, "deliver")[0]!.seq);
    expect(failures(f)).toEqual([]);
  });

  it("given a function without a resource-based policy, when SNS delivers, then Lambda refuses and the trace says which permission is missing", async () => {
    // given
    const f = await givenTopic();
    const seen: unknown[] = [];
    f.sb.lambda.createFunction({ FunctionName: "notify", handler: async (event: unknown) => void seen.push(event) });
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "lambda", Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:notify" }));
    // when
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "to lambda" }));
    await f.sb.clock.advance(10_000);
    // then: not invoked, not retried (a client-side error), and the learner is told what to add
    expect(seen).toHaveLength(0);
    expect(f.sb.lambda.invocations()).toHaveLength(0);
    const [reason, ...more] = failures(f);
    expect(more).toEqual([]);
    expect(reason).toContain("function notify has no resource-based policy, so sns.amazonaws.com may not invoke it from topic orders");
    expect(reason).toContain('Principal: "sns.amazonaws.com"');
    expect(events(f, "invoke-denied")).toHaveLength(1);
    expect(events(f, "discarded")).toHaveLength(1);
  });

  it("given AddPermission for the topic, when SNS delivers, then the function runs; a permission for another topic does not count", async () => {
    // given
    const f = await givenTopic();
    const lambda = new LambdaClient({ sandbox: f.sb });
    const seen: string[] = [];
    f.sb.lambda.createFunction({ FunctionName: "notify", handler: async (event: { Records: { Sns: { Message: string } }[] }) => void seen.push(event.Records[0]!.Sns.Message) });
    const permission = { FunctionName: "notify", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com" };
    await lambda.send(new AddPermissionCommand({ ...permission, StatementId: "other-topic", SourceArn: "arn:aws:sns:us-east-1:123456789012:other" }));
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "lambda", Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:notify" }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "first" }));
    await f.sb.clock.advance(1_000);
    expect(seen).toEqual([]);
    expect(failures(f)[0]).toContain("function notify's resource-based policy does not allow sns.amazonaws.com to invoke it from topic orders");
    // when
    const added = await lambda.send(new AddPermissionCommand({ ...permission, StatementId: "orders-topic", SourceArn: f.topicArn }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "second" }));
    await f.sb.clock.advance(1_000);
    // then
    expect(seen).toEqual(["second"]);
    expect(JSON.parse(added.Statement!)).toEqual({
      Sid: "orders-topic",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "lambda:InvokeFunction",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:notify",
      Condition: { ArnLike: { "AWS:SourceArn": f.topicArn } },
    });
  });

  it("GetPolicy shows the statements, RemovePermission takes one away, and errors are AWS's", async () => {
    const f = await givenTopic();
    const lambda = new LambdaClient({ sandbox: f.sb });
    f.sb.lambda.createFunction({ FunctionName: "notify", handler: async () => undefined });
    await expect(lambda.send(new GetPolicyCommand({ FunctionName: "notify" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await lambda.send(new AddPermissionCommand({ FunctionName: "notify", StatementId: "a", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com" }));
    await expect(
      lambda.send(new AddPermissionCommand({ FunctionName: "notify", StatementId: "a", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com" })),
    ).rejects.toMatchObject({ name: "ResourceConflictException", message: "The statement id (a) provided already exists. Please provide a new statement id, or remove the existing statement." });
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: "notify" }))).Policy!);
    expect(policy).toMatchObject({ Version: "2012-10-17", Statement: [{ Sid: "a", Principal: { Service: "sns.amazonaws.com" } }] });
    await lambda.send(new RemovePermissionCommand({ FunctionName: "notify", StatementId: "a" }));
    await expect(lambda.send(new RemovePermissionCommand({ FunctionName: "notify", StatementId: "a" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: "Statement a is not found in resource policy.",
    });
    await expect(lambda.send(new AddPermissionCommand({ FunctionName: "notify", StatementId: "bad id!", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com" }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
    });
  });
});

describe("causal trace", () => {
  it("follows an invoke back to its publish: invoke -> poll batch -> receive -> send -> delivery attempt -> publish", async () => {
    // given a topic -> queue -> function pipeline
    const f = await givenTopic();
    const queue = await givenQueue(f, "work");
    const lambda = new LambdaClient({ sandbox: f.sb });
    f.sb.lambda.createFunction({ FunctionName: "worker", handler: async () => undefined });
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: "worker", EventSourceArn: queue.arn, BatchSize: 1 }));
    await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "sqs", Endpoint: queue.arn, Attributes: { RawMessageDelivery: "true" } }));
    await f.sb.clock.advance(5_000);
    // when
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "order 7" }));
    await f.sb.clock.advance(5_000);
    // then
    const trace = f.sb.trace.events;
    const invoke = trace.find((event) => event.kind === "invoke");
    expect(invoke).toBeDefined();
    const chain: string[] = [];
    for (let event: TraceEvent | undefined = invoke; event !== undefined; event = event.cause === undefined ? undefined : trace[event.cause]) {
      expect(event.cause === undefined || event.cause < event.seq, "a cause comes before its effect").toBe(true);
      chain.push(`${event.service}.${event.kind}`);
    }
    expect(chain).toEqual(["lambda.invoke", "lambda.esm-batch", "sqs.receive", "sqs.send", "sns.deliver", "sns.publish"]);
    const end = trace.find((event) => event.kind === "invoke-end");
    expect(end?.cause).toBe(invoke!.seq);
  });
});

describe("delivery router: mayDeliver asks the receiver's check and delivers nothing", () => {
  const source = { principal: { type: "Service", service: "ses.amazonaws.com" }, sourceArn: "arn:aws:ses:us-east-1:123456789012:receipt-rule-set/s:receipt-rule/r", sourceAccount: "123456789012", label: "receipt rule r" } as const;
  it("answers the registered check's verdict without calling the receiver; a service without a check allows; an unknown service or a non-ARN is rejected", () => {
    const router = createDeliveryRouter();
    let delivered = 0;
    const receiver = () => ((delivered += 1), { status: "delivered" as const });
    router.register("lambda", receiver, (arn) => (arn.endsWith(":open") ? { status: "allowed" } : { status: "refused", reason: `no permission for ${arn}` }));
    router.register("sqs", receiver);
    expect(router.mayDeliver("arn:aws:lambda:us-east-1:123456789012:function:open", source)).toEqual({ status: "allowed" });
    expect(router.mayDeliver("arn:aws:lambda:us-east-1:123456789012:function:closed", source)).toEqual({ status: "refused", reason: "no permission for arn:aws:lambda:us-east-1:123456789012:function:closed" });
    expect(router.mayDeliver("arn:aws:sqs:us-east-1:123456789012:q", source)).toEqual({ status: "allowed" });
    expect(router.mayDeliver("arn:aws:s3:::bucket", source)).toMatchObject({ status: "rejected" });
    expect(router.mayDeliver("not-an-arn", source)).toMatchObject({ status: "rejected" });
    expect(delivered).toBe(0);
  });
});
