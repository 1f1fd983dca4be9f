import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SQSEvent } from "aws-lambda";
import { CreateEventSourceMappingCommand } from "sandbox-engine/aws/client-lambda";
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from "sandbox-engine/aws/client-sqs";
import { addQueue, countsOf, givenSandbox } from "./lambda-helpers.ts";

/**
 * Property: through an SQS event source mapping with random handler failures (throws, timeouts)
 * and random partial batch failures, every message ends either processed successfully (at least
 * once) or in the source queue's DLQ, and none is lost.
 */
describe("event source mapping properties", () => {
  it("given random failures, when time runs out, then every message is processed or dead-lettered, none lost", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          messages: fc.integer({ min: 1, max: 30 }),
          batchSize: fc.integer({ min: 1, max: 10 }),
          reportItemFailures: fc.boolean(),
          maxReceiveCount: fc.integer({ min: 1, max: 4 }),
          fifo: fc.boolean(),
          throwRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
          itemFailRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
          timeoutRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
        }),
        async (scenario) => {
          const { sb, sqs, lambda } = givenSandbox({ seed: scenario.seed });
          const chance = sb.random.fork("property");
          const processed = new Map<string, number>();
          sb.lambda.createFunction({
            FunctionName: "worker",
            Timeout: 2,
            handler: async (event: SQSEvent, context) => {
              const roll = chance.next();
              if (roll < scenario.timeoutRate) {
                await sb.clock.sleep(5000);
                // Timed out: AWS stops the environment; the simulator cannot stop JavaScript, so stop here.
                if (context.getRemainingTimeInMillis() === 0) return undefined;
              }
              if (chance.next() < scenario.throwRate) throw new Error("random failure");
              const failures = [];
              for (const record of event.Records) {
                if (scenario.reportItemFailures && chance.next() < scenario.itemFailRate) failures.push({ itemIdentifier: record.messageId });
              }
              const failed = new Set(failures.map((failure) => failure.itemIdentifier));
              for (const record of event.Records) {
                if (!failed.has(record.messageId)) processed.set(record.body, (processed.get(record.body) ?? 0) + 1);
              }
              return { batchItemFailures: failures };
            },
          });
          const suffix = scenario.fifo ? ".fifo" : "";
          const fifoAttributes = scenario.fifo ? { FifoQueue: "true", ContentBasedDeduplication: "true" } : {};
          const dlq = await addQueue(sqs, `dlq${suffix}`, fifoAttributes);
          const source = await addQueue(sqs, `orders${suffix}`, {
            ...fifoAttributes,
            VisibilityTimeout: "20",
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: scenario.maxReceiveCount }),
          });
          await lambda.send(new CreateEventSourceMappingCommand({
            EventSourceArn: source.arn, FunctionName: "worker", BatchSize: scenario.batchSize,
            FunctionResponseTypes: scenario.reportItemFailures ? ["ReportBatchItemFailures"] : [],
          }));
          const bodies = Array.from({ length: scenario.messages }, (_, i) => `m${i}`);
          for (const [i, body] of bodies.entries()) {
            await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: body, ...(scenario.fifo ? { MessageGroupId: `g${i % 3}` } : {}) }));
          }
          // Long enough for maxReceiveCount rounds of 20 s visibility timeouts, then the last move.
          await sb.clock.advance(60 * 60_000);

          // The DLQ move happens on the receive after maxReceiveCount: whatever is still waiting in
          // the source must be there only because no receive came after its last failure.
          const { Messages: leftover = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
          const dead: string[] = [];
          for (;;) {
            const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MaxNumberOfMessages: 10, VisibilityTimeout: 3600 }));
            if (Messages.length === 0) break;
            dead.push(...Messages.map((message) => message.Body!));
            // Delete what was read: in a FIFO DLQ a message held in flight would hide the rest of its group.
            for (const message of Messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: dlq.url, ReceiptHandle: message.ReceiptHandle! }));
          }
          expect(leftover).toEqual([]);
          for (const body of bodies) {
            const ok = (processed.get(body) ?? 0) >= 1;
            const inDlq = dead.includes(body);
            expect(ok || inDlq, `${body} was neither processed nor dead-lettered`).toBe(true);
          }
          // Nothing is invented, and a message in the DLQ was never processed successfully.
          for (const body of dead) expect(processed.has(body), `${body} was processed and dead-lettered`).toBe(false);
          expect(await countsOf(sqs, source.url)).toEqual({ visible: 0, inFlight: 0 });
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
