import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const runnerPath = fileURLToPath(new URL("../../sandbox-engine/src/runner/run-exercise.ts", import.meta.url));

/**
 * Under vitest, chai already carries vitest's matchers and the harness reuses them. In the Worker
 * nothing is installed and the harness installs @vitest/expect itself. This runs the runner in a
 * plain Node process (Node strips the TypeScript) to cover that second path.
 */
describe("runner outside vitest (as in the Worker)", () => {
  it("installs @vitest/expect on a bare chai and grades the same way", async () => {
    const testFile = [
      'import { it, expect, vi } from "vitest";',
      'it("toBe", () => { expect(1, "one").toBe(2); });',
      'it("toEqual", () => { expect({ a: [1] }).toEqual({ a: [1] }); });',
      'it("spy", () => { const f = vi.fn(); f(1); expect(f).toHaveBeenCalledWith(2); });',
      'it("resolves", async () => { await expect(Promise.resolve(3)).resolves.toBe(3); });',
      'it("asymmetric", () => { expect({ id: "x", n: 1 }).toEqual({ id: expect.any(String), n: expect.anything() }); });',
      'it("custom matcher", () => { expect(2).toSatisfy((n: number) => n % 2 === 0); });',
      'it("extend", () => { expect.extend({ toBeBig: (n: number) => ({ pass: n > 10, message: () => `${n} is small` }) }); (expect(3) as any).toBeBig(); });',
      'it("soft", () => { expect.soft(1).toBe(1); expect.soft(2).toBe(3); });',
    ].join("\n");
    const script = `
      const { runExerciseWith } = await import(${JSON.stringify(runnerPath)});
      const results = await runExerciseWith({ files: { "x.test.ts": ${JSON.stringify(testFile)} }, testFiles: ["x.test.ts"] }, { modules: {} });
      process.stdout.write(JSON.stringify(results));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });
    const results = JSON.parse(stdout) as { tests: { name: string; status: string; message?: string }[] };
    expect(results.tests.map((t) => [t.name, t.status, t.message?.split("\n")[0]])).toEqual([
      ["toBe", "fail", "one: expected 1 to be 2 // Object.is equality"],
      ["toEqual", "pass", undefined],
      ["spy", "fail", 'expected "vi.fn()" to be called with arguments: [ 2 ]'],
      ["resolves", "pass", undefined],
      ["asymmetric", "pass", undefined],
      ["custom matcher", "pass", undefined],
      ["extend", "fail", "3 is small"],
      ["soft", "fail", "expected 2 to be 3 // Object.is equality"],
    ]);
  }, 30_000);
});
