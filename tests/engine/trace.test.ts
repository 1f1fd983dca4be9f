import { describe, expect, it } from "vitest";
import { createSandbox, type TraceEvent } from "sandbox-engine";
import { compactType } from "../../sandbox-engine/src/trace/trace.ts";

/** The details of an SQS send event. */
const send = (messageId: string) => ({ messageId, delaySeconds: 0, body: "hi" });

describe("trace", () => {
  it("records events with the virtual time, in order", async () => {
    // given
    const sb = createSandbox();
    sb.trace.record("sqs", "create-queue", "arn:aws:sqs:us-east-1:123456789012:a", { queueName: "a", queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/a", fifo: false });
    await sb.clock.advance(1500);
    sb.trace.record("sqs", "send", "arn:aws:sqs:us-east-1:123456789012:a", send("m1"));
    // then
    expect(sb.trace.events.map((e) => [e.seq, e.time - sb.clock.now(), e.kind])).toEqual([
      [0, -1500, "create-queue"],
      [1, 0, "send"],
    ]);
  });

  it("notifies subscribers until they unsubscribe", () => {
    const sb = createSandbox();
    const seen: TraceEvent[] = [];
    const unsubscribe = sb.trace.subscribe((event) => seen.push(event));
    sb.trace.record("sqs", "send", "q", send("m"));
    unsubscribe();
    sb.trace.record("sqs", "send", "q", send("m"));
    expect(seen).toHaveLength(1);
    expect(sb.trace.events).toHaveLength(2);
  });

  it("freezes recorded events so readers cannot rewrite history", () => {
    const sb = createSandbox();
    const event = sb.trace.record("sqs", "send", "q", send("m"));
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.details)).toBe(true);
  });

  it("keeps each sandbox's trace separate", () => {
    const a = createSandbox();
    const b = createSandbox();
    a.trace.record("sqs", "send", "q", send("m"));
    expect(b.trace.events).toHaveLength(0);
  });

  it("keeps compact (hot-path) events in order with ordinary ones, across many reads and chunks", () => {
    const sb = createSandbox();
    const sendType = compactType("sqs", "send", (messageId) => send(messageId));
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9000; i++) {
        sb.trace.recordCompact(sendType, "q", `m${round}-${i}`, "", 0, 0);
        expected.push(`send:m${round}-${i}`);
        if (i % 4000 === 0) {
          sb.trace.record("sqs", "delete", "q", { messageId: `d${round}-${i}`, receiveCount: 1 });
          expected.push(`delete:d${round}-${i}`);
        }
      }
      expect(sb.trace.events.length).toBe(expected.length); // a read in between builds what is pending
    }
    const events = sb.trace.events;
    expect(events.map((event) => `${event.kind}:${"messageId" in event.details ? event.details.messageId : ""}`)).toEqual(expected);
    expect(events.every((event, index) => event.seq === index && Object.isFrozen(event))).toBe(true);
    expect(sb.trace.events[5]).toBe(events[5]); // the same objects on every read
  });

  it("hands a subscriber that names a kind only those events, as the objects later in events", () => {
    const sb = createSandbox();
    const seen: TraceEvent[] = [];
    sb.trace.subscribe((event) => seen.push(event), { service: "sqs", kinds: ["delete"] });
    sb.trace.recordCompact(compactType("sqs", "send", (messageId) => send(messageId)), "q", "m1", "", 0, 0);
    sb.trace.recordCompact(compactType("sqs", "delete", (messageId) => ({ messageId, receiveCount: 1 })), "q", "m1", "", 0, 0);
    expect(seen.map((event) => event.kind)).toEqual(["delete"]);
    expect(sb.trace.events[1]).toBe(seen[0]);
  });
});
