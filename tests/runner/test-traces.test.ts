import { describe, expect, it } from "vitest";
import { runExercise, TRACE_LIMIT_PER_TEST } from "../../sandbox-engine/src/runner/index.ts";

const run = (tests: string[]) =>
  runExercise({
    files: {
      "queue.test.ts": [
        'import { beforeAll, beforeEach, describe, expect, it } from "vitest";',
        'import { createSandbox } from "sandbox-engine";',
        'import { CreateQueueCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";',
        ...tests,
      ].join("\n"),
    },
    testFiles: ["queue.test.ts"],
  });

/** "sqs create-queue orders" for each event, to compare traces by what happened. */
const summary = (trace: readonly { service: string; kind: string; resource: string }[]) =>
  trace.map((event) => `${event.service} ${event.kind} ${event.resource.split(":").pop()}`);

describe("one trace per test", () => {
  it("gives each test the events of its own sandbox, its beforeEach included", async () => {
    // given two tests, each with a fresh sandbox and queue from beforeEach, sending different numbers of messages
    const results = await run([
      "let sqs: SQSClient; let QueueUrl: string;",
      'beforeEach(async () => { createSandbox(); sqs = new SQSClient({}); ({ QueueUrl } = (await sqs.send(new CreateQueueCommand({ QueueName: "orders" }))) as { QueueUrl: string }); });',
      'it("sends one", async () => { await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "a" })); });',
      'it("sends two", async () => { for (const b of ["a", "b"]) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: b })); });',
    ]);
    // then
    expect(results.status).toBe("pass");
    expect(results.tests.map((test) => summary(test.trace))).toEqual([
      ["sqs create-queue orders", "sqs send orders"],
      ["sqs create-queue orders", "sqs send orders", "sqs send orders"],
    ]);
    expect(results.tests[1]!.trace.map((event) => event.seq)).toEqual([0, 1, 2]);
  });

  it("splits a sandbox shared through beforeAll between the tests that used it", async () => {
    const results = await run([
      "let sqs: SQSClient; let QueueUrl: string;",
      'beforeAll(async () => { createSandbox(); sqs = new SQSClient({}); ({ QueueUrl } = (await sqs.send(new CreateQueueCommand({ QueueName: "shared" }))) as { QueueUrl: string }); });',
      'it("first", async () => { await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "1" })); });',
      'it("second", async () => { await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "2" })); await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "3" })); });',
    ]);
    // the queue was created outside any test, so no test's trace holds it
    expect(results.tests.map((test) => summary(test.trace))).toEqual([["sqs send shared"], ["sqs send shared", "sqs send shared"]]);
    expect(results.tests.map((test) => test.trace.map((event) => event.seq))).toEqual([[1], [2, 3]]);
  });

  it("holds the events of every sandbox a test made, one sandbox after the other", async () => {
    const results = await run([
      'it("two clouds", async () => {',
      '  const a = createSandbox(); await new SQSClient({ sandbox: a } as never).send(new CreateQueueCommand({ QueueName: "in-a" }));',
      '  const b = createSandbox(); await new SQSClient({ sandbox: b } as never).send(new CreateQueueCommand({ QueueName: "in-b" }));',
      "  expect(a).not.toBe(b);",
      "});",
    ]);
    expect(summary(results.tests[0]!.trace)).toEqual(["sqs create-queue in-a", "sqs create-queue in-b"]);
  });

  it(`keeps at most ${TRACE_LIMIT_PER_TEST} events per test and counts the rest`, async () => {
    const sends = TRACE_LIMIT_PER_TEST + 5;
    const results = await run([
      'it("floods", async () => {',
      '  createSandbox(); const sqs = new SQSClient({}); const { QueueUrl } = (await sqs.send(new CreateQueueCommand({ QueueName: "big" }))) as { QueueUrl: string };',
      `  for (let i = 0; i < ${sends}; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: String(i) }));`,
      "});",
    ]);
    expect(results.tests[0]!.trace).toHaveLength(TRACE_LIMIT_PER_TEST);
    expect(results.tests[0]!.traceDropped).toBe(sends + 1 - TRACE_LIMIT_PER_TEST);
  });
});
