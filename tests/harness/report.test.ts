import { describe, expect, it } from "vitest";
import { runSuite } from "./helpers.ts";

describe("report", () => {
  it("gives Exercism v3 results in file order, leaving skipped tests out", async () => {
    // given
    const { report } = await runSuite(({ describe: suite, it: spec, expect }) => {
      spec("passes", () => expect(1).toBe(1));
      suite("queue", () => {
        spec("fails", () => expect(1).toBe(2));
        spec.skip("skipped", () => {});
        spec.todo("todo");
      });
    });
    // then
    expect(report).toMatchObject({
      version: 3,
      status: "fail",
      tests: [
        { name: "passes", status: "pass" },
        { name: "queue > fails", status: "fail", message: "expected 1 to be 2 // Object.is equality" },
      ],
    });
    expect(report.tests).toHaveLength(2);
    expect(typeof report.durationMs).toBe("number");
    expect(report.message).toBeUndefined();
  });

  it("passes when every test that ran passed", async () => {
    const { report } = await runSuite(({ it: spec, expect }) => {
      spec("a", () => expect([1]).toHaveLength(1));
      spec.skip("b", () => {});
    });
    expect(report.status).toBe("pass");
  });

  it("puts the learner-facing message first and a compact colourless diff after it", async () => {
    const { report } = await runSuite(({ it, expect }) => {
      it("custom", () => expect(2, "the message came back after the visibility timeout").toBe(1));
      it("objects", () => expect({ Body: "a", Attributes: { n: 1 } }).toEqual({ Body: "b", Attributes: { n: 1 } }));
    });
    const [custom, objects] = report.tests;
    expect(custom!.message).toBe("the message came back after the visibility timeout: expected 2 to be 1 // Object.is equality");
    expect(objects!.message).toContain("to deeply equal");
    expect(objects!.message).toContain('-   "Body": "b",\n+   "Body": "a",');
    expect(objects!.message).not.toMatch(/\u001b\[/);
  });

  it("names the error and where a crash happened when it is not an assertion", async () => {
    const error = Object.assign(new Error("The specified queue does not exist."), { name: "QueueDoesNotExist" });
    const { report } = await runSuite(({ it }) => {
      it("crashes", () => {
        throw error;
      });
    });
    expect(report.tests[0]!.message).toBe("QueueDoesNotExist: The specified queue does not exist.");
  });

  it("marks tests behind a failed beforeAll as errors and explains the run-level failure", async () => {
    const { report } = await runSuite(({ describe, it, beforeAll, afterAll }) => {
      describe("setup", () => {
        beforeAll(() => {
          throw new Error("could not create the queue");
        });
        it("a", () => {});
      });
      afterAll(() => {
        throw new Error("cleanup broke");
      });
      it("b", () => {});
    });
    expect(report.status).toBe("fail");
    expect(report.tests).toMatchObject([
      { name: "setup > a", status: "error", message: "Not run: a beforeAll hook failed: could not create the queue" },
      { name: "b", status: "pass" },
    ]);
    expect(report.message).toBe("afterAll in a.test.ts failed: cleanup broke");
  });

  it("fills test_code from the original source and task_id from meta", async () => {
    const source = [
      'import { it, expect } from "vitest";',
      'it("adds", { meta: { taskId: 2 } }, () => {',
      "  const total: number = 1 + 1;",
      '  expect(total, "=> not a brace {").toBe(2);',
      "});",
    ].join("\n");
    const { harness, outcome } = await runSuite(({ it, expect }) => {
      it("adds", { meta: { taskId: 2 } }, () => expect(2).toBe(2));
    });
    // The location comes from the stack in the runner; here we set it as the collector would.
    const test = harness.tree().files[0]!.tasks[0]!;
    test.location = { line: 2, column: 1 };
    const report = harness.report(outcome, { sources: { "a.test.ts": source } });
    expect(report.tests[0]).toMatchObject({
      task_id: 2,
      test_code: 'const total: number = 1 + 1;\nexpect(total, "=> not a brace {").toBe(2);',
    });
  });
});
