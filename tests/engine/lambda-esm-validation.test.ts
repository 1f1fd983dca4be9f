/**
 * CreateEventSourceMapping / ListEventSourceMappings as AWS answers them (issue 15, items 6 and 13):
 * - "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds" (InvalidParameterValueException),
 *   the error AWS returns when the function's timeout exceeds the queue's visibility timeout
 *   (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html asks for a visibility timeout of at
 *   least the function timeout; the text as AWS returned it, quoted in Terraform and CDK users' reports);
 * - LocalStack's AWS-validated test_event_source_mapping_exceptions: DestinationConfig on an SQS mapping, an unknown
 *   function ("Function does not exist"), ListEventSourceMappings of an unknown function (empty);
 * - EventSourceMappingArn in every mapping response (AWS-recorded mapping responses in test_lambda_api snapshots);
 * - a batch item reported as failed comes back only when its visibility timeout has run out
 *   (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 */
import { describe, expect, it } from "vitest";
import type { SQSEvent } from "aws-lambda";
import { CreateEventSourceMappingCommand, ListEventSourceMappingsCommand } from "sandbox-engine/aws/client-lambda";
import { SendMessageCommand } from "sandbox-engine/aws/client-sqs";
import { addQueue, errorOf, givenFunction } from "./lambda-helpers.ts";

describe("CreateEventSourceMapping checks", () => {
  it("refuses a function timeout longer than the queue's visibility timeout, with AWS's text", async () => {
    const fixture = givenFunction(async () => null, { Timeout: 60 });
    const queue = await addQueue(fixture.sqs, "orders"); // VisibilityTimeout 30 (default)
    const error = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: queue.arn, FunctionName: "worker" })));
    expect([error.name, error.message]).toEqual(["InvalidParameterValueException", "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds"]);
    expect(fixture.sb.lambda.listEventSourceMappings({}).ok && fixture.sb.lambda.listEventSourceMappings({})).toMatchObject({ value: { EventSourceMappings: [] } });
  });

  it("accepts a function timeout equal to the visibility timeout", async () => {
    const fixture = givenFunction(async () => null, { Timeout: 45 });
    const queue = await addQueue(fixture.sqs, "orders", { VisibilityTimeout: "45" });
    const out = await fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: queue.arn, FunctionName: "worker" }));
    expect(out.EventSourceMappingArn).toBe(`arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${out.UUID}`);
  });

  it("refuses DestinationConfig on an SQS mapping, before looking for the function", async () => {
    const fixture = givenFunction(async () => null);
    const queue = await addQueue(fixture.sqs, "orders");
    const error = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({
      EventSourceArn: queue.arn, FunctionName: "doesnotexist",
      DestinationConfig: { OnSuccess: { Destination: queue.arn } },
    })));
    expect([error.name, error.message]).toEqual(["InvalidParameterValueException", "Unsupported DestinationConfig parameter for given event source mapping type."]);
  });

  it("lists no mappings for an unknown function instead of failing", async () => {
    const fixture = givenFunction(async () => null);
    const out = await fixture.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: "doesnotexist" }));
    expect(out.EventSourceMappings).toEqual([]);
  });
});

describe("a reported batch item failure", () => {
  it("comes back when the rest of its visibility timeout has passed, not before", async () => {
    const seen: { at: number; ids: string[] }[] = [];
    const fixture = givenFunction(async (event: SQSEvent) => {
      seen.push({ at: fixture.sb.clock.now(), ids: event.Records.map((record) => record.body) });
      const bad = event.Records.find((record) => record.body === "bad");
      return { batchItemFailures: bad === undefined ? [] : [{ itemIdentifier: bad.messageId }] };
    });
    const queue = await addQueue(fixture.sqs, "orders", { VisibilityTimeout: "30" });
    await fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: queue.arn, FunctionName: "worker", FunctionResponseTypes: ["ReportBatchItemFailures"] }));
    await fixture.sb.clock.advance(1000);
    const start = fixture.sb.clock.now();
    await fixture.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: "good" }));
    await fixture.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: "bad" }));
    await fixture.sb.clock.advance(29_000);
    const bads = () => seen.filter((batch) => batch.ids.includes("bad")).map((batch) => batch.at - start);
    expect(bads()).toHaveLength(1);
    await fixture.sb.clock.advance(2_000);
    expect(bads()).toHaveLength(2);
    expect(bads()[1]! - bads()[0]!).toBe(30_000);
    expect(seen.filter((batch) => batch.ids.includes("good"))).toHaveLength(1);
  });
});
