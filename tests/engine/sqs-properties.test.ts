/**
 * Property tests: random sequences of send / receive / delete / change-visibility / clock advance
 * on standard and FIFO queues (with a dead-letter queue and a short retention), checked against a
 * model after every step. Over 100,000 operations per run in all (see OPERATIONS below).
 *
 * Invariants:
 * - every message sent is, at every moment, exactly one of visible, in flight, delayed, deleted,
 *   moved to the DLQ or expired (counts from GetQueueAttributes and the trace add up, and no
 *   message is ever received after it was deleted, moved or expired);
 * - FIFO: a received message is the first live one of its group, or follows it in the same
 *   response; so no message is returned while an earlier one of its group is in flight (a later
 *   one may be: AWS serves an earlier message that became visible again, LS validated 2025-11
 *   test_fifo_group_visibility_extends_with_change_message_visibility);
 * - a FIFO send that repeats a deduplication id within 5 minutes returns the first MessageId and
 *   adds no message;
 * - ApproximateReceiveCount only grows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";

type Step =
  | { op: "send"; group: number; dedup: number; delay: number }
  | { op: "receive"; max: number; visibility: number }
  | { op: "delete"; pick: number }
  | { op: "change"; pick: number; visibility: number }
  | { op: "advance"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("send" as const), group: fc.nat(3), dedup: fc.nat(40), delay: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("receive" as const), max: fc.integer({ min: 1, max: 10 }), visibility: fc.nat(12) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("change" as const), pick: fc.nat(), visibility: fc.nat(12) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 15_000 }) }) },
);

const STEPS_PER_RUN = 250;
const RUNS = { standard: 170, fifo: 170, atLeastOnce: 60 };
/** 250 * (170 + 170 + 60) = 100,000 random operations (not counting the GetQueueAttributes checks after each). */
export const OPERATIONS = STEPS_PER_RUN * (RUNS.standard + RUNS.fifo + RUNS.atLeastOnce);

type State = "live" | "deleted" | "dead-letter" | "expired";

function value<T>(outcome: { ok: true; value: T } | { ok: false; fault: { code: string; message: string } }): T {
  if (!outcome.ok) throw new Error(`${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

function counts(sb: Sandbox, QueueUrl: string) {
  const a = value(sb.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["All"] })).Attributes!;
  return {
    visible: Number(a.ApproximateNumberOfMessages),
    inFlight: Number(a.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(a.ApproximateNumberOfMessagesDelayed),
  };
}

/** Steps actually executed by the properties below, so the 100,000 count is measured, not assumed. */
let operationsRun = 0;

async function run(steps: readonly Step[], mode: "standard" | "fifo" | "at-least-once"): Promise<void> {
  operationsRun += steps.length;
  const fifo = mode === "fifo";
  const sb = createSandbox({ seed: steps.length, ...(mode === "at-least-once" ? { sqs: { standardQueueDelivery: "at-least-once" as const } } : {}) });
  const suffix = fifo ? ".fifo" : "";
  const fifoAttributes = fifo ? { FifoQueue: "true" } : {};
  const dlqUrl = value(sb.sqs.createQueue({ QueueName: `dlq${suffix}`, Attributes: { ...fifoAttributes, MessageRetentionPeriod: "1209600" } })).QueueUrl!;
  const dlqArn = value(sb.sqs.getQueueAttributes({ QueueUrl: dlqUrl, AttributeNames: ["QueueArn"] })).Attributes!.QueueArn!;
  const QueueUrl = value(
    sb.sqs.createQueue({
      QueueName: `q${suffix}`,
      Attributes: {
        ...fifoAttributes,
        MessageRetentionPeriod: "120",
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
      },
    }),
  ).QueueUrl!;
  const arn = value(sb.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["QueueArn"] })).Attributes!.QueueArn!;

  // The model, fed by responses and by the trace (the engine's own account of what happened).
  const state = new Map<string, State>();
  const groupOf = new Map<string, string>();
  const sendOrder: string[] = [];
  const receiveCount = new Map<string, number>();
  const dedup = new Map<string, { messageId: string; expiresAt: number }>();
  const handles: Array<{ handle: string; messageId: string }> = [];
  let traced = 0;
  const followTrace = (): void => {
    const events = sb.trace.events;
    for (; traced < events.length; traced++) {
      const event = events[traced]!;
      if (event.resource !== arn) continue;
      const id = "messageId" in event.details ? event.details.messageId : "";
      if (event.kind === "delete") state.set(id, "deleted");
      else if (event.kind === "dead-letter") state.set(id, "dead-letter");
      else if (event.kind === "retention-expired") state.set(id, "expired");
    }
  };

  for (const s of steps) {
    const now = sb.clock.now();
    if (s.op === "send") {
      const group = `g${s.group}`;
      const dedupId = `d${s.dedup}`;
      const out = sb.sqs.sendMessage({
        QueueUrl,
        MessageBody: `body ${s.dedup}`,
        ...(fifo ? { MessageGroupId: group, MessageDeduplicationId: dedupId } : { DelaySeconds: s.delay }),
      });
      const id = value(out).MessageId!;
      const earlier = dedup.get(dedupId);
      if (fifo && earlier !== undefined && earlier.expiresAt > now) {
        // A deduplicated send: same MessageId, nothing added.
        expect(id).toBe(earlier.messageId);
      } else {
        expect(state.has(id)).toBe(false);
        state.set(id, "live");
        groupOf.set(id, group);
        sendOrder.push(id);
        if (fifo) dedup.set(dedupId, { messageId: id, expiresAt: now + 300_000 });
      }
    } else if (s.op === "receive") {
      const out = value(
        await sb.sqs.receiveMessage({ QueueUrl, MaxNumberOfMessages: s.max, VisibilityTimeout: s.visibility, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }),
      );
      followTrace();
      const messages = out.Messages ?? [];
      const inResponse = new Set<string>();
      for (const m of messages) {
        const id = m.MessageId!;
        // With at-least-once delivery a copy may outlive the message it duplicates, but it is
        // always a copy of a message that was sent.
        if (mode === "at-least-once") expect(state.has(id)).toBe(true);
        else expect(state.get(id)).toBe("live");
        const count = Number(m.Attributes!.ApproximateReceiveCount);
        if (mode !== "at-least-once") expect(count).toBeGreaterThan(receiveCount.get(id) ?? 0);
        receiveCount.set(id, Math.max(count, receiveCount.get(id) ?? 0));
        if (fifo) {
          const group = groupOf.get(id)!;
          for (const other of sendOrder) {
            if (other === id) break;
            // Every earlier live message of the group came in this response, before this one.
            if (groupOf.get(other) === group && state.get(other) === "live") expect(inResponse.has(other)).toBe(true);
          }
        }
        inResponse.add(id);
        handles.push({ handle: m.ReceiptHandle!, messageId: id });
      }
    } else if (s.op === "delete" && handles.length > 0) {
      const { handle } = handles[s.pick % handles.length]!;
      const out = sb.sqs.deleteMessage({ QueueUrl, ReceiptHandle: handle });
      // FIFO refuses a handle whose visibility timeout ended; nothing else may fail.
      if (!out.ok) expect(fifo && out.fault.message.includes("The receipt handle has expired.")).toBe(true);
    } else if (s.op === "change" && handles.length > 0) {
      const { handle } = handles[s.pick % handles.length]!;
      const out = sb.sqs.changeMessageVisibility({ QueueUrl, ReceiptHandle: handle, VisibilityTimeout: s.visibility });
      if (!out.ok) expect(out.fault.code).toBe("InvalidParameterValue");
    } else if (s.op === "advance") {
      await sb.clock.advance(s.ms);
    }
    // Exactly one state per message: live ones are exactly the queue's visible + in flight + delayed.
    const c = counts(sb, QueueUrl);
    followTrace();
    let live = 0;
    let dead = 0;
    for (const st of state.values()) {
      if (st === "live") live += 1;
      else if (st === "dead-letter") dead += 1;
    }
    if (mode === "at-least-once") {
      // Duplicates add copies of live or deleted messages: never fewer than the live ones.
      expect(c.visible + c.inFlight + c.delayed).toBeGreaterThanOrEqual(live);
    } else {
      expect(c.visible + c.inFlight + c.delayed).toBe(live);
      const d = counts(sb, dlqUrl);
      expect(d.visible + d.inFlight + d.delayed).toBe(dead);
    }
  }
}

describe("SQS properties (model-checked random operation sequences)", () => {
  it("standard queue: every message in exactly one state, receive counts grow", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: STEPS_PER_RUN, maxLength: STEPS_PER_RUN }), (steps) => run(steps, "standard")),
      { numRuns: RUNS.standard },
    );
  }, 120_000);

  it("FIFO queue: strict order per group, nothing after a message of its group in flight, deduplication", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: STEPS_PER_RUN, maxLength: STEPS_PER_RUN }), (steps) => run(steps, "fifo")),
      { numRuns: RUNS.fifo },
    );
  }, 120_000);

  it("standard queue with at-least-once delivery: only sent messages come back, none is lost", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: STEPS_PER_RUN, maxLength: STEPS_PER_RUN }), (steps) => run(steps, "at-least-once")),
      { numRuns: RUNS.atLeastOnce },
    );
  }, 120_000);

  it("runs at least 100,000 operations in all", () => {
    expect(OPERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(operationsRun).toBeGreaterThanOrEqual(100_000);
  });
});
