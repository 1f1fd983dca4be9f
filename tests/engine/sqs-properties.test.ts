import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "sandbox-engine/aws/client-sqs";
import { givenQueue } from "./sqs-helpers.ts";

type Step =
  | { op: "send"; delay: number }
  | { op: "receive"; max: number; visibility: number }
  | { op: "delete"; pick: number }
  | { op: "change"; pick: number; visibility: number }
  | { op: "advance"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("send" as const), delay: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    op: fc.constant("receive" as const),
    max: fc.integer({ min: 1, max: 10 }),
    visibility: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("change" as const), pick: fc.nat(), visibility: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 8000 }) }),
);

describe("SQS properties", () => {
  it("counts never drift: visible + in flight + delayed = sent - deleted", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { sb, sqs, queueUrl } = await givenQueue();
        const handles: string[] = [];
        for (const s of steps) {
          if (s.op === "send") {
            await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "m", DelaySeconds: s.delay }));
          } else if (s.op === "receive") {
            const out = await sqs.send(
              new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: s.max, VisibilityTimeout: s.visibility }),
            );
            for (const m of out.Messages ?? []) handles.push(m.ReceiptHandle!);
          } else if (s.op === "delete" && handles.length > 0) {
            await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handles[s.pick % handles.length] }));
          } else if (s.op === "change" && handles.length > 0) {
            // An outdated handle may be refused; that must not disturb the counts either.
            await sqs
              .send(
                new ChangeMessageVisibilityCommand({
                  QueueUrl: queueUrl,
                  ReceiptHandle: handles[s.pick % handles.length],
                  VisibilityTimeout: s.visibility,
                }),
              )
              .catch(() => undefined);
          } else if (s.op === "advance") {
            await sb.clock.advance(s.ms);
          }
        }
        const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
        const total =
          Number(Attributes.ApproximateNumberOfMessages) +
          Number(Attributes.ApproximateNumberOfMessagesNotVisible) +
          Number(Attributes.ApproximateNumberOfMessagesDelayed);
        const kinds = sb.trace.events.map((e) => e.kind);
        const sent = kinds.filter((k) => k === "send").length;
        const deleted = kinds.filter((k) => k === "delete").length;
        expect(total).toBe(sent - deleted);
        // and no timer is left behind for a deleted message
        expect(sb.clock.pendingTimers()).toBeLessThanOrEqual(total);
      }),
      { numRuns: 60 },
    );
  });
});
