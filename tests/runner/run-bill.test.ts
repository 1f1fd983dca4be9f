/** The run's bill (every sandbox its tests made, added up) and the collected-tests event, with the real engine. */
import { describe, expect, it } from "vitest";
import { runExercise, type CollectedTests, type RunUpdate } from "../../sandbox-engine/src/runner/index.ts";

const sqsTests = [
  'import { beforeAll, beforeEach, describe, it, expect } from "vitest";',
  'import { createSandbox } from "sandbox-engine";',
  'import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";',
  "let sb: ReturnType<typeof createSandbox>;",
  "let QueueUrl: string | undefined;",
  "beforeEach(async () => {",
  "  sb = createSandbox();",
  '  ({ QueueUrl } = await new SQSClient({}).send(new CreateQueueCommand({ QueueName: "orders" })));',
  "});",
  'it("sends", async () => { await new SQSClient({}).send(new SendMessageCommand({ QueueUrl, MessageBody: "a" })); });',
  'it("waits a minute for nothing", async () => { await sb.clock.advance(60_000); await new SQSClient({}).send(new ReceiveMessageCommand({ QueueUrl })); });',
  "// A learner's skipped and planned tests: collected and counted, never run (the fixture's own convention).",
  "const deliberately = it;",
  'deliberately.skip("is skipped", () => {});',
  'deliberately.todo("is planned");',
  'describe("a shared cloud", () => {',
  "  let shared: ReturnType<typeof createSandbox>;",
  '  beforeAll(async () => { shared = createSandbox(); await shared.lambda.createFunction({ FunctionName: "worker", handler: async () => "ok" }); });',
  '  it("invokes", async () => { await shared.lambda.invoke({ FunctionName: "worker" }); expect(1).toBe(1); });',
  "});",
].join("\n");

describe("the bill of a run", () => {
  it("adds up the sandboxes of every test, a beforeAll's included, as itemised lines with their pricing pages", async () => {
    const results = await runExercise({ files: { "a.test.ts": sqsTests }, testFiles: ["a.test.ts"] });
    expect(results.tests.map((test) => test.status)).toEqual(["pass", "pass", "pass"]);
    const bill = results.bill!;
    const lines = Object.fromEntries(bill.lines.map((line) => [`${line.service}: ${line.item}`, line]));
    // Three beforeEach sandboxes (one per test that ran): 3 creates + a send + a receive = 5 standard-queue requests.
    expect(lines["SQS: standard queue requests"]).toMatchObject({ quantity: 5, costUsd: (5 * 0.4) / 1e6, source: "https://aws.amazon.com/sqs/pricing/" });
    expect(lines["Lambda: requests to worker"]).toMatchObject({ quantity: 1, costUsd: 0.2 / 1e6, source: "https://aws.amazon.com/lambda/pricing/" });
    expect(lines["Lambda: GB-seconds of worker"]!.quantity).toBeGreaterThan(0);
    expect(bill.totalUsd).toBeCloseTo(bill.lines.reduce((sum, line) => sum + line.costUsd, 0), 15);
    // The minute one test waited is virtual time the run spent.
    expect(bill.virtualSeconds).toBeGreaterThanOrEqual(60);
  });

  it("has no lines for a run that used no service", async () => {
    const results = await runExercise({ files: { "b.test.ts": 'import { it } from "vitest";\nit("adds", () => {});' }, testFiles: ["b.test.ts"] });
    expect(results.bill).toEqual({ currency: "USD", lines: [], totalUsd: 0, virtualSeconds: 0 });
  });
});

describe("collected tests", () => {
  it("are reported once, before the first test starts: every test declared, and those that will run", async () => {
    const events: (CollectedTests | RunUpdate)[] = [];
    await runExercise({ files: { "a.test.ts": sqsTests }, testFiles: ["a.test.ts"] }, { onCollected: (tests) => events.push(tests), onUpdate: (update) => events.push(update) });
    expect(events[0]).toEqual({ total: 5, toRun: 3 });
    expect(events.filter((event) => !Array.isArray(event))).toHaveLength(1);
  });
});
