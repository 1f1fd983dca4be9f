import { describe, expect, it } from "vitest";
import { aggregateMarks, buildFlow, describeDetails, layoutX, type FlowTraceEvent } from "../../src/client/event-flow/flow-model.ts";
import { poisonTrace } from "./poison-trace.ts";

describe("the event flow of a test, as data", () => {
  it("puts each resource on its own lane and marks the second receive, the expiries and the DLQ move", async () => {
    const flow = buildFlow(await poisonTrace());
    expect(flow.lanes.map((lane) => lane.label)).toEqual(["queue unused", "queue orders-dlq", "queue orders"]);
    const orders = flow.events.filter((flowEvent) => flow.lanes[flowEvent.lane]!.label === "queue orders");
    expect(orders.map((flowEvent) => [flowEvent.event.kind, flowEvent.highlight ?? ""])).toEqual([
      ["create-queue", ""],
      ["send", ""],
      ["receive", ""],
      ["visibility-expired", "expiry"],
      ["receive", "retry"],
      ["visibility-expired", "expiry"],
      ["dead-letter", "dead-letter"],
    ]);
    expect(orders.map((flowEvent) => flowEvent.at)).toEqual([...orders.map((flowEvent) => flowEvent.at)].sort((a, b) => a - b));
    // the engine's causes, as links: each receive and the move point back to the send
    const send = flow.events.findIndex((flowEvent) => flowEvent.event.kind === "send");
    const linked = orders.filter((flowEvent) => ["receive", "dead-letter"].includes(flowEvent.event.kind));
    expect(linked.map((flowEvent) => flowEvent.causeIndex)).toEqual([send, send, send]);
  });

  it("marks what a test's faults injected (here a Lambda invocation error, traced before the invoke it fails)", async () => {
    const { createSandbox } = await import("sandbox-engine");
    const sb = createSandbox({ faults: { lambda: { errorRate: { fn: 1 } } } });
    sb.lambda.createFunction({ FunctionName: "fn", handler: async () => "ok" });
    await sb.lambda.invoke({ FunctionName: "fn" });
    const flow = buildFlow(sb.trace.events as FlowTraceEvent[]);
    expect(flow.events.map((flowEvent) => [flowEvent.event.kind, flowEvent.highlight ?? ""])).toEqual([
      ["create-function", ""],
      ["fault", "fault"],
      ["invoke", ""],
      ["invoke-end", "failure"],
    ]);
  });

  it("links an event to its cause by seq, and leaves it unlinked when the cause is not in the trace", () => {
    const event = (seq: number, kind: string, cause?: number): FlowTraceEvent => ({
      time: 1000 + seq,
      seq,
      service: "sqs",
      kind,
      resource: "arn:aws:sqs:us-east-1:000000000000:orders",
      details: { messageId: "m-1" },
      ...(cause === undefined ? {} : { cause }),
    });
    const flow = buildFlow([event(4, "send"), event(5, "receive", 4), event(6, "delete", 2)]);
    expect(flow.events.map((flowEvent) => flowEvent.causeIndex)).toEqual([undefined, 0, undefined]);
  });

  it("describes a batch's message ids as a list, next to its other details", () => {
    const batch: FlowTraceEvent = {
      time: 0,
      seq: 1,
      service: "lambda",
      kind: "esm-batch",
      resource: "arn:aws:sqs:us-east-1:000000000000:orders",
      details: { functionName: "worker", size: 2, messageIds: ["m-1", "m-2"] },
    };
    expect(describeDetails(batch)).toBe("functionName: worker, size: 2, messageIds: [m-1, m-2]");
  });

  it("keeps events of the same millisecond apart and in order, and merges runs of similar ones when zoomed out", () => {
    const sends: FlowTraceEvent[] = Array.from({ length: 5000 }, (_, seq) => ({
      time: 0,
      seq,
      service: "sqs",
      kind: seq % 1000 === 999 ? "receive" : "send",
      resource: "orders",
      details: {},
    }));
    const flow = buildFlow(sends);
    const apart = layoutX(flow, 1, 10);
    expect(apart[1]! - apart[0]!).toBe(10);
    const marks = aggregateMarks(flow, layoutX(flow, 1, 0.1), 12);
    expect(marks.length).toBeLessThan(100);
    expect(marks.reduce((total, mark) => total + mark.members.length, 0)).toBe(5000);
    expect(marks.filter((mark) => mark.kind === "receive")).toHaveLength(5);
  });
});
