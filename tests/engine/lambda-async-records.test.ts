/**
 * What asynchronous invocation leaves behind, against AWS's records (issue 15, items 4 and 13):
 * - the dead-letter message's attributes RequestID, ErrorCode, ErrorMessage (first 1 KB)
 *   (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html, and LocalStack's
 *   AWS-recorded test_lambda_destinations.snapshot.json: ErrorCode "200" of DataType Number);
 * - reserved concurrency 0: straight to the DLQ / on-failure destination, condition "ZeroReservedConcurrency";
 * - one request id per event: every attempt, context.awsRequestId, the logs, the record and the DLQ attribute.
 */
import { describe, expect, it } from "vitest";
import { PutFunctionEventInvokeConfigCommand, UpdateFunctionConfigurationCommand } from "sandbox-engine/aws/client-lambda";
import { ConfirmSubscriptionCommand, CreateTopicCommand, SNSClient, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { ReceiveMessageCommand } from "sandbox-engine/aws/client-sqs";
import { addQueue, encode, givenFunction, invoke, type LambdaFixture } from "./lambda-helpers.ts";

const MINUTE = 60_000;

/** A dead-letter queue for "worker", and (if given) its MaximumRetryAttempts. */
async function givenDeadLetterQueue(fixture: LambdaFixture, maximumRetryAttempts?: number) {
  const dlq = await addQueue(fixture.sqs, "worker-dlq");
  await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", DeadLetterConfig: { TargetArn: dlq.arn } }));
  if (maximumRetryAttempts !== undefined) {
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", MaximumRetryAttempts: maximumRetryAttempts }));
  }
  return dlq;
}

describe("the function's dead-letter queue", () => {
  it("receives the event with RequestID, ErrorCode and ErrorMessage, and one request id runs through every attempt", async () => {
    const ids: string[] = [];
    const fixture = givenFunction(async (_event, context) => {
      ids.push(context.awsRequestId);
      throw new Error("payment service down");
    });
    const dlq = await givenDeadLetterQueue(fixture);
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ order: 7 }) });
    await fixture.sb.clock.advance(5 * MINUTE);

    const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageAttributeNames: ["All"] }));
    expect(Messages).toHaveLength(1);
    expect(JSON.parse(Messages[0]!.Body!)).toEqual({ order: 7 });
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(Messages[0]!.MessageAttributes).toEqual({
      RequestID: { DataType: "String", StringValue: ids[0] },
      ErrorCode: { DataType: "Number", StringValue: "200" },
      ErrorMessage: { DataType: "String", StringValue: "payment service down" },
    });
    // The same id in every START line of the log.
    const starts = fixture.sb.lambda.logs("worker").filter((line) => line.message.startsWith("START"));
    expect(starts.map((line) => line.message)).toEqual(Array(3).fill(`START RequestId: ${ids[0]} Version: $LATEST`));
  });

  it("cuts the ErrorMessage to its first 1 KB, without splitting a character", async () => {
    const fixture = givenFunction(async () => {
      throw new Error("é".repeat(600)); // 1,200 bytes
    });
    const dlq = await givenDeadLetterQueue(fixture, 0);
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(0);
    const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageAttributeNames: ["ErrorMessage"] }));
    expect(Messages[0]!.MessageAttributes!.ErrorMessage!.StringValue).toBe("é".repeat(512));
  });

  it("a timed-out event's ErrorMessage names the request", async () => {
    const fixture = givenFunction(() => new Promise(() => {}), { Timeout: 1 });
    const dlq = await givenDeadLetterQueue(fixture, 0);
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(5_000);
    const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageAttributeNames: ["All"] }));
    const attributes = Messages[0]!.MessageAttributes!;
    expect(attributes.ErrorMessage!.StringValue).toBe(`RequestId: ${attributes.RequestID!.StringValue} Error: Task timed out after 1.00 seconds`);
  });

  it("an SNS dead-letter topic publishes the attributes as message attributes", async () => {
    const fixture = givenFunction(async () => {
      throw new Error("boom");
    });
    const sns = new SNSClient({ sandbox: fixture.sb });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "worker-dlq" }));
    const received: string[] = [];
    fixture.sb.world.http.endpoint("https://ops.example.com/", (request) => void received.push(request.body));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: "https", Endpoint: "https://ops.example.com/" }));
    await fixture.sb.clock.advance(0);
    await sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: JSON.parse(received[0]!).Token }));
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", DeadLetterConfig: { TargetArn: TopicArn } }));
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", MaximumRetryAttempts: 0 }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ n: 1 }) });
    await fixture.sb.clock.advance(0);
    const notification = JSON.parse(received.at(-1)!);
    expect(JSON.parse(notification.Message)).toEqual({ n: 1 });
    expect(notification.MessageAttributes).toMatchObject({
      ErrorCode: { Type: "Number", Value: "200" },
      ErrorMessage: { Type: "String", Value: "boom" },
    });
  });
});

describe("reserved concurrency 0 (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html)", () => {
  it("sends the event straight to the on-failure destination with condition ZeroReservedConcurrency, never running it", async () => {
    let runs = 0;
    const fixture = givenFunction(async () => void (runs += 1), { ReservedConcurrentExecutions: 0 });
    const failed = await addQueue(fixture.sqs, "failed");
    await fixture.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", DestinationConfig: { OnFailure: { Destination: failed.arn } } }));
    await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ x: 1 }) });
    await fixture.sb.clock.advance(10 * MINUTE);
    expect(runs).toBe(0);
    const { Messages = [] } = await fixture.sqs.send(new ReceiveMessageCommand({ QueueUrl: failed.url, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(1);
    const record = JSON.parse(Messages[0]!.Body!);
    expect(record.requestContext).toMatchObject({ condition: "ZeroReservedConcurrency", approximateInvokeCount: 0 });
    expect(record.requestPayload).toEqual({ x: 1 });
    expect(record.responseContext).toBeUndefined();
  });
});
