import { describe, expect, it } from "vitest";
import { createSandbox, type TraceEvent } from "sandbox-engine";

describe("trace", () => {
  it("records events with the virtual time, in order", async () => {
    // given
    const sb = createSandbox();
    sb.trace.record("sqs", "create-queue", "arn:aws:sqs:us-east-1:123456789012:a", { queueName: "a" });
    await sb.clock.advance(1500);
    sb.trace.record("sqs", "send", "arn:aws:sqs:us-east-1:123456789012:a", { messageId: "m1" });
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
    sb.trace.record("sqs", "send", "q", {});
    unsubscribe();
    sb.trace.record("sqs", "send", "q", {});
    expect(seen).toHaveLength(1);
    expect(sb.trace.events).toHaveLength(2);
  });

  it("freezes recorded events so readers cannot rewrite history", () => {
    const sb = createSandbox();
    const event = sb.trace.record("sqs", "send", "q", { messageId: "m" });
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.details)).toBe(true);
  });

  it("keeps each sandbox's trace separate", () => {
    const a = createSandbox();
    const b = createSandbox();
    a.trace.record("sqs", "send", "q", {});
    expect(b.trace.events).toHaveLength(0);
  });
});
