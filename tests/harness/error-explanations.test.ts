import { describe, expect, it } from "vitest";
import { runExerciseWith } from "../../sandbox-engine/src/runner/run-exercise.ts";

const run = (body: string) =>
  runExerciseWith({ files: { "a.test.ts": `import { it } from "vitest";\nit("t", () => { ${body} });` }, testFiles: ["a.test.ts"] }, { modules: {} });

describe("messages that say why, not only what", () => {
  it("explains a write to a frozen object: in the browser the built-ins are frozen", async () => {
    const results = await run('const o = Object.freeze({}); (o as any).then = () => 1;');
    expect(results.tests[0]!.message).toMatch(/^TypeError: Cannot add property then, object is not extensible\. If that is one of JavaScript's built-in objects .* EventLab freezes those/);
  });

  it("explains an allocation too big to make as the run using too much memory", async () => {
    // V8 refuses a string this long at once, without trying to allocate it
    const results = await run('"x".repeat(2 ** 30);');
    expect(results.tests[0]!.message).toMatch(/^RangeError: Invalid string length: the run used too much memory/);
  });

  it("leaves other errors as they are", async () => {
    const results = await run('throw new TypeError("Cannot read the queue");');
    expect(results.tests[0]!.message).toBe("TypeError: Cannot read the queue\n    at a.test.ts:2");
  });
});
