import { describe, expect, it } from "vitest";
import type { SQSEvent } from "aws-lambda";
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
} from "sandbox-engine/aws/client-lambda";
import { SendMessageBatchCommand, SendMessageCommand } from "sandbox-engine/aws/client-sqs";
import type { LambdaHandler } from "sandbox-engine";
import { addQueue, countsOf, errorOf, fnArn, givenFunction, queueArnOf, type LambdaFixture } from "./lambda-helpers.ts";

/** A queue (optionally with a DLQ after `maxReceiveCount`), a function and an enabled mapping. */
async function givenMapping(
  handler: LambdaHandler,
  mapping: Partial<CreateEventSourceMappingCommandInput> = {},
  queue: { name?: string; attributes?: Record<string, string>; maxReceiveCount?: number; timeout?: number } = {},
): Promise<LambdaFixture & { url: string; arn: string; uuid: string; dlqUrl?: string }> {
  const fixture = givenFunction(handler, { Timeout: queue.timeout ?? 3 });
  const fifo = queue.name?.endsWith(".fifo") ?? false;
  let dlqUrl: string | undefined;
  const attributes: Record<string, string> = { ...queue.attributes };
  if (queue.maxReceiveCount !== undefined) {
    const dlq = await addQueue(fixture.sqs, fifo ? "dlq.fifo" : "dlq", fifo ? { FifoQueue: "true" } : undefined);
    dlqUrl = dlq.url;
    attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: queue.maxReceiveCount });
  }
  const { url, arn } = await addQueue(fixture.sqs, queue.name ?? "orders", attributes);
  const created = await fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker", ...mapping }));
  await fixture.sb.clock.advance(1000); // Creating -> Enabled
  return { ...fixture, url, arn, uuid: created.UUID!, ...(dlqUrl === undefined ? {} : { dlqUrl }) };
}

async function send(fixture: LambdaFixture & { url: string }, count: number, extra: Record<string, unknown> = {}) {
  for (let i = 0; i < count; i++) await fixture.sqs.send(new SendMessageCommand({ QueueUrl: fixture.url, MessageBody: `m${i}`, ...extra }));
}

describe("event source mapping API", () => {
  it("given a queue and a function, when a mapping is created, then 202, Creating with AWS defaults, and Enabled a second later", async () => {
    const fixture = givenFunction(async () => {});
    const { arn } = await addQueue(fixture.sqs, "orders");
    const created = await fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker" }));
    expect(created.$metadata.httpStatusCode).toBe(202);
    expect(created).toMatchObject({
      State: "Creating", StateTransitionReason: "USER_INITIATED", BatchSize: 10, MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: [], EventSourceArn: arn, FunctionArn: fnArn("worker"),
    });
    await fixture.sb.clock.advance(1000);
    const got = await fixture.lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got.State).toBe("Enabled");
  });

  it("given a mapping, when the same queue and function are mapped again, then ResourceConflictException with AWS's text", async () => {
    const fixture = await givenMapping(async () => {});
    const error = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: fixture.arn, FunctionName: "worker" })));
    expect(error.name).toBe("ResourceConflictException");
    expect(error.message).toBe(
      `An event source mapping with SQS arn (" ${fixture.arn} ") and function (" worker ") already exists. Please update or delete the existing mapping with UUID ${fixture.uuid}`,
    );
  });

  it("given no such queue, when mapped, then InvalidParameterValueException with AWS's text", async () => {
    const fixture = givenFunction(async () => {});
    const error = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: queueArnOf("nope"), FunctionName: "worker" })));
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toBe(
      "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.",
    );
  });

  it.each([
    [{ BatchSize: 0 }, "batchSize"],
    [{ BatchSize: 10_001 }, "batchSize"],
    [{ BatchSize: 11 }, "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10"],
    [{ MaximumBatchingWindowInSeconds: 301 }, "maximumBatchingWindowInSeconds"],
    [{ FunctionResponseTypes: ["Everything"] }, "FunctionResponseTypes"],
    [{ ScalingConfig: { MaximumConcurrency: 1 } }, "scalingConfig.maximumConcurrency"],
    [{ ScalingConfig: { MaximumConcurrency: 1001 } }, "scalingConfig.maximumConcurrency"],
  ])("given %j, when mapped, then InvalidParameterValueException", async (bad, text) => {
    const fixture = givenFunction(async () => {});
    const { arn } = await addQueue(fixture.sqs, "orders");
    const error = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker", ...bad } as never)));
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toContain(text);
  });

  it("given a FIFO queue, when mapped with BatchSize 11 or a window, then refused", async () => {
    const fixture = givenFunction(async () => {});
    const { arn } = await addQueue(fixture.sqs, "orders.fifo", { FifoQueue: "true" });
    const big = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker", BatchSize: 11, MaximumBatchingWindowInSeconds: 1 })));
    expect(big.message).toContain("less than or equal to 10");
    const windowed = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker", MaximumBatchingWindowInSeconds: 5 })));
    expect(windowed.name).toBe("InvalidParameterValueException");
  });

  it("given an unknown function or a queue URL instead of an ARN, when mapped, then refused", async () => {
    const fixture = givenFunction(async () => {});
    const { url, arn } = await addQueue(fixture.sqs, "orders");
    // AWS answers InvalidParameterValueException "Function does not exist" (LocalStack's AWS-validated test_event_source_mapping_exceptions).
    const unknown = await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "nope" })));
    expect([unknown.name, unknown.message]).toEqual(["InvalidParameterValueException", "Function does not exist"]);
    expect((await errorOf(fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: url, FunctionName: "worker" })))).hint).toContain("ARN");
  });

  it("given a mapping, when listed, updated, disabled and deleted, then the states follow on the virtual clock", async () => {
    const fixture = await givenMapping(async () => {});
    const listed = await fixture.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: "worker" }));
    expect(listed.EventSourceMappings?.map((m) => m.UUID)).toEqual([fixture.uuid]);
    const updated = await fixture.lambda.send(new UpdateEventSourceMappingCommand({ UUID: fixture.uuid, BatchSize: 5, Enabled: false }));
    expect(updated).toMatchObject({ State: "Updating", BatchSize: 5 });
    expect((await errorOf(fixture.lambda.send(new UpdateEventSourceMappingCommand({ UUID: fixture.uuid, BatchSize: 6 })))).name).toBe("ResourceInUseException");
    await fixture.sb.clock.advance(1000);
    expect((await fixture.lambda.send(new GetEventSourceMappingCommand({ UUID: fixture.uuid }))).State).toBe("Disabled");
    const deleted = await fixture.lambda.send(new DeleteEventSourceMappingCommand({ UUID: fixture.uuid }));
    expect(deleted.State).toBe("Deleting");
    await fixture.sb.clock.advance(1000);
    const error = await errorOf(fixture.lambda.send(new GetEventSourceMappingCommand({ UUID: fixture.uuid })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toBe("The resource you requested does not exist.");
  });
});

describe("event source mapping: polling and invocation", () => {
  it("given messages, when time advances, then the function gets an SQSEvent shaped like AWS's and the batch is deleted", async () => {
    const events: SQSEvent[] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => void events.push(event));
    await fixture.sqs.send(new SendMessageCommand({
      QueueUrl: fixture.url, MessageBody: "hello",
      MessageAttributes: { count: { DataType: "Number", StringValue: "6" } },
    }));
    await fixture.sb.clock.advance(1);
    expect(events).toHaveLength(1);
    const [record] = events[0]!.Records;
    expect(Object.keys(record!)).toEqual([
      "messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfMessageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion",
    ]);
    expect(record).toMatchObject({
      body: "hello", md5OfBody: "5d41402abc4b2a76b9719d911017c592", eventSource: "aws:sqs", eventSourceARN: fixture.arn, awsRegion: "us-east-1",
      messageAttributes: { count: { stringValue: "6", stringListValues: [], binaryListValues: [], dataType: "Number" } },
    });
    expect(record!.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(record!.attributes).toEqual({
      ApproximateReceiveCount: "1", SentTimestamp: String(Date.UTC(2026, 0, 1) + 1000), SenderId: "123456789012",
      ApproximateFirstReceiveTimestamp: String(Date.UTC(2026, 0, 1) + 1000),
    });
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it("given a message without attributes, then md5OfMessageAttributes is null", async () => {
    const events: SQSEvent[] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => void events.push(event));
    await send(fixture, 1);
    await fixture.sb.clock.advance(1);
    expect(events[0]!.Records[0]!.md5OfMessageAttributes).toBeNull();
    expect(events[0]!.Records[0]!.messageAttributes).toEqual({});
  });

  it("given 25 messages and BatchSize 10, when polled, then batches of 10, 10 and 5, each traced with its message ids", async () => {
    const batches: string[][] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => void batches.push(event.Records.map((record) => record.messageId)));
    await send(fixture, 25);
    await fixture.sb.clock.advance(1);
    expect(batches.map((batch) => batch.length).sort((a, b) => b - a)).toEqual([10, 10, 5]);
    const traced = fixture.sb.trace.events.filter((event) => event.service === "lambda" && event.kind === "esm-batch");
    expect(traced.map((event) => event.details.messageIds)).toEqual(batches);
  });

  it("given BatchSize 100 with a 5 s window, when 30 messages arrive, then one batch of 30 after the window", async () => {
    const batches: { size: number; at: number }[] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => void batches.push({ size: event.Records.length, at: fixture.sb.clock.now() }), {
      BatchSize: 100, MaximumBatchingWindowInSeconds: 5,
    });
    const t0 = fixture.sb.clock.now();
    await send(fixture, 30);
    await fixture.sb.clock.advance(4999);
    expect(batches).toEqual([]);
    await fixture.sb.clock.advance(1);
    expect(batches).toEqual([{ size: 30, at: t0 + 5000 }]);
  });

  it("given an idle mapping, when a day passes, then no timers spin and the clock does not hit its loop limit", async () => {
    const fixture = await givenMapping(async () => {});
    await fixture.sb.clock.advance(24 * 3600_000);
    expect(fixture.sb.clock.pendingTimers()).toBe(0);
    expect(fixture.sb.clock.pendingWaiters()).toBe(0);
  });

  it("given a handler that throws, when polled, then the batch comes back after the visibility timeout and reaches the DLQ by the redrive policy", async () => {
    let calls = 0;
    const fixture = await givenMapping(async () => {
      calls += 1;
      throw new Error("boom");
    }, {}, { maxReceiveCount: 3, attributes: { VisibilityTimeout: "30" } });
    await send(fixture, 2);
    await fixture.sb.clock.advance(1);
    expect(calls).toBe(1);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 2 });
    await fixture.sb.clock.advance(30_000);
    expect(calls).toBe(2);
    await fixture.sb.clock.advance(120_000);
    expect(calls).toBe(3);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 0 });
    expect(await countsOf(fixture.sqs, fixture.dlqUrl!)).toEqual({ visible: 2, inFlight: 0 });
  });

  it("given a timeout, when a batch times out, then it is a failed batch (messages kept)", async () => {
    const fixture = await givenMapping(async () => new Promise(() => {}), {}, { timeout: 2, attributes: { VisibilityTimeout: "60" } });
    await send(fixture, 1);
    await fixture.sb.clock.advance(5000);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 1 });
    expect(fixture.sb.lambda.metrics("worker").Errors).toBe(1);
  });

  it("given MaximumConcurrency 2 and slow handlers, then at most 2 batches run at once", async () => {
    let running = 0;
    let peak = 0;
    const fixture = await givenMapping(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await fixture.sb.clock.sleep(1000);
      running -= 1;
    }, { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } });
    await send(fixture, 6);
    await fixture.sb.clock.advance(10_000);
    expect(peak).toBe(2);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it("given no MaximumConcurrency, then the first minute runs up to 5 batches at once", async () => {
    let running = 0;
    let peak = 0;
    const fixture = await givenMapping(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await fixture.sb.clock.sleep(1000);
      running -= 1;
    }, { BatchSize: 1 });
    await send(fixture, 20);
    await fixture.sb.clock.advance(10_000);
    expect(peak).toBe(5);
  });

  it("given reserved concurrency 1 below the mapping's concurrency, then batches are throttled and come back after the visibility timeout", async () => {
    const fixture = await givenMapping(async () => {
      await fixture.sb.clock.sleep(100);
    }, { BatchSize: 1 });
    fixture.sb.lambda.putFunctionConcurrency({ FunctionName: "worker", ReservedConcurrentExecutions: 1 });
    await send(fixture, 3);
    await fixture.sb.clock.advance(1000);
    expect(fixture.sb.lambda.metrics("worker").Throttles).toBe(2);
    await fixture.sb.clock.advance(60_000);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it("given a FIFO queue, then one batch per message group at a time, in order", async () => {
    const log: string[] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => {
      for (const record of event.Records) log.push(`${record.attributes.MessageGroupId}:${record.body}:start`);
      await fixture.sb.clock.sleep(100);
      for (const record of event.Records) log.push(`${record.attributes.MessageGroupId}:${record.body}:end`);
    }, { BatchSize: 1 }, { name: "orders.fifo", attributes: { FifoQueue: "true", ContentBasedDeduplication: "true" } });
    for (const [group, body] of [["a", "1"], ["a", "2"], ["b", "1"], ["a", "3"]]) {
      await fixture.sqs.send(new SendMessageCommand({ QueueUrl: fixture.url, MessageBody: body!, MessageGroupId: group! }));
    }
    await fixture.sb.clock.advance(5000);
    const a = log.filter((line) => line.startsWith("a:"));
    expect(a).toEqual(["a:1:start", "a:1:end", "a:2:start", "a:2:end", "a:3:start", "a:3:end"]);
    expect(log.indexOf("b:1:start")).toBeLessThan(log.indexOf("a:1:end")); // groups run in parallel
  });

  it("given a disabled mapping, when messages arrive, then nothing is invoked until it is enabled again", async () => {
    let calls = 0;
    const fixture = await givenMapping(async () => void (calls += 1), { Enabled: false });
    await send(fixture, 1);
    await fixture.sb.clock.advance(5000);
    expect(calls).toBe(0);
    await fixture.lambda.send(new UpdateEventSourceMappingCommand({ UUID: fixture.uuid, Enabled: true }));
    await fixture.sb.clock.advance(1000);
    expect(calls).toBe(1);
  });
});

describe("ReportBatchItemFailures (AWS-FACTS C.2 item 12)", () => {
  async function runWith(response: (ids: string[]) => unknown) {
    const fixture = await givenMapping(async (event: SQSEvent) => response(event.Records.map((record) => record.messageId)), {
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    }, { attributes: { VisibilityTimeout: "30" } });
    await fixture.sqs.send(new SendMessageBatchCommand({
      QueueUrl: fixture.url, Entries: [0, 1, 2].map((i) => ({ Id: `e${i}`, MessageBody: `m${i}` })),
    }));
    await fixture.sb.clock.advance(1);
    return countsOf(fixture.sqs, fixture.url);
  }

  it.each([
    ["null", () => null],
    ["undefined", () => undefined],
    ["{}", () => ({})],
    ["an empty list", () => ({ batchItemFailures: [] })],
    ["a null list", () => ({ batchItemFailures: null })],
  ])("given %s, then complete success: every message deleted", async (_label, response) => {
    expect(await runWith(response)).toEqual({ visible: 0, inFlight: 0 });
  });

  it.each([
    ["an empty itemIdentifier", () => ({ batchItemFailures: [{ itemIdentifier: "" }] })],
    ["a null itemIdentifier", () => ({ batchItemFailures: [{ itemIdentifier: null }] })],
    ["a bad key name", () => ({ batchItemFailures: [{ foo: "notvalid" }] })],
    ["an unknown message id", () => ({ batchItemFailures: [{ itemIdentifier: "not-in-batch" }] })],
    ["a list that is not a list", () => ({ batchItemFailures: "m1" })],
    ["a non-object response", () => "oops"],
  ])("given %s, then complete failure: every message kept", async (_label, response) => {
    expect(await runWith(response)).toEqual({ visible: 0, inFlight: 3 });
  });

  it("given one reported failure, then only that message stays and comes back after the visibility timeout", async () => {
    const seen: string[][] = [];
    const fixture = await givenMapping(async (event: SQSEvent) => {
      seen.push(event.Records.map((record) => record.body));
      const failed = event.Records.find((record) => record.body === "m1");
      return { batchItemFailures: failed ? [{ itemIdentifier: failed.messageId }] : [] };
    }, { FunctionResponseTypes: ["ReportBatchItemFailures"] }, { attributes: { VisibilityTimeout: "30" } });
    await send(fixture, 3);
    await fixture.sb.clock.advance(1);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 1 });
    await fixture.sb.clock.advance(30_000);
    expect(seen).toEqual([["m0", "m1", "m2"], ["m1"]]);
  });

  it("given the handler throws, then the whole batch fails even with ReportBatchItemFailures", async () => {
    expect(await runWith(() => {
      throw new Error("x");
    })).toEqual({ visible: 0, inFlight: 3 });
  });

  it("given ReportBatchItemFailures is off, then a batchItemFailures response is ignored (all deleted)", async () => {
    const fixture = await givenMapping(async (event: SQSEvent) => ({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] }));
    await send(fixture, 2);
    await fixture.sb.clock.advance(1);
    expect(await countsOf(fixture.sqs, fixture.url)).toEqual({ visible: 0, inFlight: 0 });
  });
});
