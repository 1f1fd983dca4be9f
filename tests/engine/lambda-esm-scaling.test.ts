/**
 * SQS -> Lambda scaling of a standard queue, from
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html: "Lambda starts processing
 * five batches at a time ... increases the number of processes that are reading batches by up to
 * 300 more instances per minute. The maximum number of batches that an event source mapping can
 * process simultaneously is 1,000." (Older pages said 60 more per minute.)
 */
import { describe, expect, it } from "vitest";
import { CreateEventSourceMappingCommand } from "sandbox-engine/aws/client-lambda";
import { SendMessageBatchCommand } from "sandbox-engine/aws/client-sqs";
import { addQueue, givenFunction } from "./lambda-helpers.ts";

describe("SQS event source mapping scaling (services-sqs-scaling.html)", () => {
  it("runs 5 batches at once in the first minute, then up to 300 more from the second minute", async () => {
    let running = 0;
    let firstStart: number | undefined;
    const peaks: number[] = [];
    const fixture = givenFunction(
      async () => {
        running += 1;
        // Minutes since polling began (the mapping became Enabled and found the messages).
        firstStart ??= fixture.sb.clock.now();
        const minute = Math.floor((fixture.sb.clock.now() - firstStart) / 60_000);
        peaks[minute] = Math.max(peaks[minute] ?? 0, running);
        await fixture.sb.clock.sleep(10_000);
        running -= 1;
      },
      { Timeout: 30 },
    );
    const { url, arn } = await addQueue(fixture.sqs, "orders", { VisibilityTimeout: "180" });
    for (let i = 0; i < 400; i += 10) {
      const Entries = Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `m${i + j}` }));
      await fixture.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries }));
    }
    await fixture.lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: arn, FunctionName: "worker", BatchSize: 1 }));
    await fixture.sb.clock.advance(91_000);
    expect(peaks[0], "first minute: five concurrent batches").toBe(5);
    expect(peaks[1], "second minute: 5 + 300 concurrent batches").toBe(305);
  });
});
