import { describe, expect, it } from "vitest";
import { runExercise } from "../../sandbox-engine/src/runner/index.ts";
import {
  frameToPageSchema,
  frameToWorkerSchema,
  pageToFrameSchema,
  parseMessage,
  workerToFrameSchema,
} from "../../sandbox-engine/src/runner/protocol.ts";
import { stopMessage } from "../../src/client/runner/runner-host.ts";

const passing = await runExercise({
  files: {
    "a.test.ts": [
      'import { it, expect } from "vitest";',
      'import { createSandbox } from "sandbox-engine";',
      'import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";',
      'it("creates a queue", async () => { createSandbox(); await new SQSClient({}).send(new CreateQueueCommand({ QueueName: "q" })); console.log("made"); });',
      'it("fails", () => { expect(1, "one is not two").toBe(2); });',
    ].join("\n"),
  },
  testFiles: ["a.test.ts"],
});

describe("the runner protocol", () => {
  it("carries a real run's results, traces and progress across every hop, as structured clones", () => {
    const result = structuredClone({ type: "result", runId: 3, results: passing });
    const fromWorker = parseMessage(workerToFrameSchema, result);
    expect(fromWorker).toEqual({ ok: true, message: result });
    expect(parseMessage(frameToPageSchema, result).ok).toBe(true);
    expect(passing.tests[0]!.trace.map((event) => event.kind)).toEqual(["create-queue"]);
    const progress = { type: "progress", runId: 3, updates: [["0_0", { type: "test-start" }], ["0_0", { type: "test-end", status: "pass", durationMs: 1, output: "made\n" }]] };
    expect(parseMessage(workerToFrameSchema, progress).ok).toBe(true);
    const collected = { type: "collected", runId: 3, tests: { total: 2, toRun: 2 } };
    expect(parseMessage(workerToFrameSchema, collected).ok).toBe(true);
    expect(parseMessage(frameToPageSchema, collected).ok).toBe(true);
    expect(passing.bill?.lines.map((line) => `${line.service}: ${line.item}`)).toEqual(["SQS: standard queue requests"]);
    const run = { type: "run", runId: 3, request: { files: { "a.ts": "x" }, testFiles: [] } };
    expect(parseMessage(frameToWorkerSchema, run).ok).toBe(true);
    expect(parseMessage(pageToFrameSchema, { ...run, timeLimitMs: 5000 }).ok).toBe(true);
  });

  it("refuses the forged result of issue 16 and says why", () => {
    // learner code posted this on the Worker's channel; the page used to take it as a verdict
    const forged = { type: "result", runId: 1, status: "pass", tests: [] };
    for (const parsed of [parseMessage(workerToFrameSchema, forged), parseMessage(frameToPageSchema, forged)]) {
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.problem).toMatch(/results/);
    }
  });

  it("refuses results a changed realm would produce: a thenable that resolved to 1, an extra field, a wrong status", () => {
    const cases: unknown[] = [
      { type: "result", runId: 1, results: 1 },
      { type: "result", runId: 1, results: { ...passing, status: "passed" } },
      { type: "result", runId: 1, results: { ...passing, extra: "field" } },
      { type: "result", runId: 1, results: { ...passing, tests: [{ ...passing.tests[0], trace: [{ kind: "forged" }] }] } },
      ...[
        { time: Number.NaN },
        { seq: -1 },
        { cause: 1.5 },
        { extra: "field" },
        { details: [] },
        { details: { nested: { deeper: [Number.POSITIVE_INFINITY] } } },
        { details: { deep: JSON.parse("[".repeat(40) + "]".repeat(40)) } },
      ].map((change) => ({ type: "result", runId: 1, results: { ...passing, tests: [{ ...passing.tests[0], trace: [{ ...passing.tests[0]!.trace[0], ...change }] }] } })),
      { type: "result", runId: 0, results: passing },
      { type: "progress", runId: 1, updates: [["0", { type: "test-end", status: "pass" }]] },
      { type: "collected", runId: 1, tests: { total: 2, toRun: 3 } },
      { type: "collected", runId: 1, tests: { total: 0, toRun: 0 } },
      { type: "result", runId: 1, results: { ...passing, bill: { ...passing.bill, totalUsd: -1 } } },
      { type: "result", runId: 1, results: { ...passing, bill: { ...passing.bill, lines: [{ service: "EC2", item: "hours", quantity: 1, costUsd: 1, source: "x" }] } } },
      null,
      "result",
    ];
    for (const message of cases) expect(parseMessage(workerToFrameSchema, message).ok, JSON.stringify(message)?.slice(0, 80)).toBe(false);
  });

  it("never throws, even on a message whose getters throw", () => {
    const hostile = {
      type: "result",
      runId: 1,
      get results(): never {
        throw new Error("gotcha");
      },
    };
    expect(parseMessage(workerToFrameSchema, hostile)).toEqual({ ok: false, problem: expect.stringContaining("gotcha") });
  });

  it("puts each way a run can end without results in a learner's words", () => {
    expect(stopMessage("time-limit", "", 5000)).toBe("stopped after 5 s: is there an endless loop?");
    expect(stopMessage("memory", "Out of memory", 5000)).toBe("stopped: the run used too much memory.");
    expect(stopMessage("invalid-message", "results: expected object", 5000)).toBe(
      "the run sent back a result that is not valid: did your code change built-in objects? (results: expected object)",
    );
  });
});
