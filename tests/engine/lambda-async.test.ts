import { describe, expect, it } from "vitest";
import { PutFunctionEventInvokeConfigCommand, UpdateFunctionConfigurationCommand } from "sandbox-engine/aws/client-lambda";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { ReceiveMessageCommand, SetQueueAttributesCommand } from "sandbox-engine/aws/client-sqs";
import { addQueue, encode, fnArn, givenFunction, invoke, type LambdaFixture } from "./lambda-helpers.ts";

const MINUTE = 60_000;

async function messagesIn(fixture: LambdaFixture, url: string) {
  const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
  return Messages.map((message) => JSON.parse(message.Body!) as Record<string, any>);
}

describe("asynchronous invocation: retries", () => {
  it("given a failing function, when invoked with Event, then 3 attempts: now, +1 min, +2 min more, with one request id", async () => {
    const attempts: { at: number; id: string }[] = [];
    const fixture = givenFunction(async (_event, context) => {
      attempts.push({ at: fixture.sb.clock.now(), id: context.awsRequestId });
      throw new Error("downstream unavailable");
    });
    const start = fixture.sb.clock.now();
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ order: 1 }) });
    await fixture.sb.clock.advance(10 * MINUTE);
    expect(attempts.map((attempt) => attempt.at - start)).toEqual([0, MINUTE, 3 * MINUTE]);
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(1);
    expect(fixture.sb.trace.events.some((event) => event.kind === "async-discarded")).toBe(true);
  });

  it("given MaximumRetryAttempts 0, when the function fails, then only one attempt", async () => {
    let attempts = 0;
    const fixture = givenFunction(async () => {
      attempts += 1;
      throw new Error("x");
    });
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", MaximumRetryAttempts: 0 }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(10 * MINUTE);
    expect(attempts).toBe(1);
  });

  it("given a timeout, when invoked asynchronously, then it counts as a function error and is retried", async () => {
    let attempts = 0;
    const fixture = givenFunction(async () => {
      attempts += 1;
      await new Promise(() => {});
    }, { Timeout: 1 });
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(10 * MINUTE);
    expect(attempts).toBe(3);
  });
});

describe("asynchronous invocation: destinations and dead-letter queue", () => {
  it("given an on-failure SQS destination, when retries are exhausted, then it receives the invocation record", async () => {
    const fixture = givenFunction(async () => {
      throw new TypeError("bad payload");
    });
    const failed = await addQueue(fixture.sqs, "failed");
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: "worker", DestinationConfig: { OnFailure: { Destination: failed.arn } },
    }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ order: 7 }) });
    await fixture.sb.clock.advance(5 * MINUTE);
    const [record] = await messagesIn(fixture, failed.url);
    expect(record).toMatchObject({
      version: "1.0",
      requestContext: { functionArn: `${fnArn("worker")}:$LATEST`, condition: "RetriesExhausted", approximateInvokeCount: 3 },
      requestPayload: { order: 7 },
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      responsePayload: { errorType: "TypeError", errorMessage: "bad payload" },
    });
    expect(record!.timestamp).toBe(new Date(Date.UTC(2026, 0, 1) + 3 * MINUTE).toISOString());
  });

  it("given an on-success destination, when the function succeeds, then it receives the record with condition Success", async () => {
    const fixture = givenFunction(async (event: { n: number }) => ({ doubled: event.n * 2 }));
    const done = await addQueue(fixture.sqs, "done");
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: "worker", DestinationConfig: { OnSuccess: { Destination: done.arn } },
    }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ n: 2 }) });
    await fixture.sb.clock.advance(0);
    const [record] = await messagesIn(fixture, done.url);
    expect(record).toMatchObject({ requestContext: { condition: "Success", approximateInvokeCount: 1 }, responsePayload: { doubled: 4 } });
    expect(record!.responseContext.functionError).toBeUndefined();
  });

  it("given a dead-letter queue, when retries are exhausted, then it receives only the event", async () => {
    const fixture = givenFunction(async () => {
      throw new Error("x");
    });
    const dlq = await addQueue(fixture.sqs, "worker-dlq");
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", DeadLetterConfig: { TargetArn: dlq.arn } }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ order: 3 }) });
    await fixture.sb.clock.advance(5 * MINUTE);
    expect(await messagesIn(fixture, dlq.url)).toEqual([{ order: 3 }]);
  });

  it("given a Lambda on-failure destination, when retries are exhausted, then that function is invoked with the record", async () => {
    const received: unknown[] = [];
    const fixture = givenFunction(async () => {
      throw new Error("x");
    });
    fixture.sb.lambda.createFunction({ FunctionName: "handler-of-failures", handler: async (record) => void received.push(record) });
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: "worker", MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: fnArn("handler-of-failures") } },
    }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ a: 1 }) });
    await fixture.sb.clock.advance(0);
    expect(received).toMatchObject([{ requestContext: { condition: "RetriesExhausted", approximateInvokeCount: 1 }, requestPayload: { a: 1 } }]);
  });

  it("given an SNS destination, when delivered, then published to the topic (through the router); a missing topic is traced as undeliverable", async () => {
    const fixture = givenFunction(async () => "ok");
    const missing = "arn:aws:sns:us-east-1:123456789012:missing";
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", DestinationConfig: { OnSuccess: { Destination: missing } } }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(0);
    const undeliverable = fixture.sb.trace.events.find((event) => event.kind === "destination-undeliverable");
    expect(undeliverable?.kind === "destination-undeliverable" && undeliverable.details.reason).toContain("Topic does not exist");
    // given a real topic with a queue subscribed (raw delivery, so the queue holds the record itself)
    const sns = new SNSClient({ sandbox: fixture.sb });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "alerts" }));
    const inbox = await addQueue(fixture.sqs, "alerts-inbox");
    const Policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: inbox.arn, Condition: { ArnEquals: { "aws:SourceArn": TopicArn } } }] });
    await fixture.sqs.send(new SetQueueAttributesCommand({ QueueUrl: inbox.url, Attributes: { Policy } }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: inbox.arn, Attributes: { RawMessageDelivery: "true" } }));
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", DestinationConfig: { OnSuccess: { Destination: TopicArn } } }));
    // when
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(0);
    // then
    const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: inbox.url }));
    expect(Messages.map((message) => JSON.parse(message.Body!))).toMatchObject([{ requestContext: { condition: "Success" }, responsePayload: "ok" }]);
    expect(fixture.sb.trace.events.filter((event) => event.kind === "destination")).toHaveLength(1);
  });

  it("given reserved concurrency 0, when invoked with Event, then 202 and the event goes straight to the DLQ without retries", async () => {
    let runs = 0;
    const fixture = givenFunction(async () => void (runs += 1), { ReservedConcurrentExecutions: 0 });
    const dlq = await addQueue(fixture.sqs, "dlq");
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", DeadLetterConfig: { TargetArn: dlq.arn } }));
    const out = await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ x: 1 }) });
    expect(out.StatusCode).toBe(202);
    await fixture.sb.clock.advance(0);
    expect(runs).toBe(0);
    expect(await messagesIn(fixture, dlq.url)).toEqual([{ x: 1 }]);
  });
});

describe("asynchronous invocation: throttles and event age", () => {
  it("given a throttled function, when invoked with Event, then retried with a growing backoff until it can run", async () => {
    const starts: number[] = [];
    const fixture = givenFunction(async (event: { slow?: boolean }) => {
      starts.push(fixture.sb.clock.now());
      if (event.slow) await fixture.sb.clock.sleep(10_000);
    }, { ReservedConcurrentExecutions: 1, Timeout: 20 });
    const t0 = fixture.sb.clock.now();
    const slow = invoke(fixture.lambda, { FunctionName: "worker", Payload: encode({ slow: true }) });
    await Promise.resolve();
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await slow;
    await fixture.sb.clock.advance(60_000);
    const retries = fixture.sb.trace.events.filter((event) => event.kind === "async-retry").map((event) => (event.details.retryAt as number) - t0);
    expect(retries).toEqual([1000, 3000, 7000, 15_000]);
    expect(starts.map((at) => at - t0)).toEqual([0, 15_000]);
  });

  it("given MaximumEventAgeInSeconds 60, when the retry comes after 60 s, then the event expires to the on-failure destination", async () => {
    const fixture = givenFunction(async () => {
      throw new Error("x");
    });
    const failed = await addQueue(fixture.sqs, "failed");
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: "worker", MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: failed.arn } },
    }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(10 * MINUTE);
    const [record] = await messagesIn(fixture, failed.url);
    expect(record!.requestContext).toMatchObject({ condition: "EventAgeExceeded", approximateInvokeCount: 1 });
  });
});
