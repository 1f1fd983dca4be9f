import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { exerciseOn, openSitePage, readLearnerFile } from "./exercise-page.ts";
import { timedRun } from "./timed-run.ts";

/**
 * Issue 16: code a curious learner pastes must never break the runner. Each snippet below is pasted after the
 * exercise's code, run, and must end in a verdict within the time limit plus 1 s with a message that says what
 * happened; the pasted solution, run right afterwards, must pass. And no run may leave a "pass" in the progress
 * store that the harness did not produce.
 */
const lessonPath = "/sqs/producers-and-consumers/";
const exerciseId = "sqs/first-consumer";
const { exercise, solution, starter } = await readLearnerFile(exerciseId);
const limitMs = exercise.timeLimitSeconds * 1000;

interface Hostile {
  name: string;
  code: string;
  /** The verdict the learner gets, and what the results panel must say. */
  verdict: "error" | "pass" | "fail";
  message: RegExp;
}

const frozen = /frozen|EventLab freezes/;
const snippets: Hostile[] = [
  { name: "a thenable Object.prototype", code: "(Object.prototype as any).then = (r: any) => r(1);", verdict: "error", message: frozen },
  { name: "a status on Object.prototype", code: '(Object.prototype as any).status = "pass";', verdict: "error", message: frozen },
  {
    name: "forged results posted on the Worker's channel",
    code: 'for (let i = 0; i < 5; i++) postMessage({ type: "result", runId: i, status: "pass", tests: [] });',
    verdict: "error",
    message: /postMessage is not available in the sandbox/,
  },
  {
    name: "a replaced postMessage",
    code: 'Object.defineProperty(globalThis, "postMessage", { value: (m: unknown) => console.log("sent", m) });',
    verdict: "error",
    message: /Cannot redefine property: postMessage.*EventLab freezes/,
  },
  { name: "a replaced Array.prototype.push", code: "Array.prototype.push = function () { return 0; };", verdict: "error", message: frozen },
  {
    name: "a replaced Promise.prototype.then",
    code: "Promise.prototype.then = function (this: Promise<unknown>) { return this; } as any;",
    verdict: "error",
    message: frozen,
  },
  {
    // The browser's own objects are frozen too: the simulator's clock relies on MessageChannel.
    name: "a replaced MessagePort.prototype.postMessage",
    code: "(MessagePort.prototype as any).postMessage = function () {};",
    verdict: "error",
    message: frozen,
  },
  {
    // The global scope's prototype is frozen with the browser's objects; the global object itself stays open.
    name: "a replaced globalThis.structuredClone",
    code: "(globalThis as any).structuredClone = () => ({});",
    verdict: "error",
    message: /Cannot assign to read only property 'structuredClone'.*EventLab freezes/,
  },
];

describe("learner code that attacks the runner, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const storedVerdict = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.status ?? null, `eventlab:v1:result:${exerciseId}`);

  beforeAll(async () => {
    ({ browser, page } = await openSitePage(lessonPath));
    await exerciseOn(page, exerciseId).openEditor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const hostile of snippets) {
    it(`${hostile.name}: ends in a verdict within the limit + 1 s, and the next correct run passes`, async () => {
      const ex = exerciseOn(page, exerciseId);
      await ex.paste(hostile.code.startsWith(solution) ? hostile.code : `${starter}\n${hostile.code}\n`);
      const run = await timedRun(page, exerciseId);
      const shown = (await ex.results.textContent()) ?? "";
      expect(run.status, shown).toBe(hostile.verdict);
      expect(run.ms).toBeLessThan(limitMs + 1000);
      expect(shown).toMatch(hostile.message);
      await expect(storedVerdict()).resolves.toBe(hostile.verdict);

      await ex.paste(solution);
      await expect(ex.run()).resolves.toBe("pass");
    });
  }

  it("a global set by one run is gone in the next", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(`${solution}\n(globalThis as any).leftOver = "from the last run";\n`);
    await expect(ex.run()).resolves.toBe("pass");
    await ex.paste(`${solution}\nif ((globalThis as any).leftOver) throw new Error("saw " + (globalThis as any).leftOver);\n`);
    await expect(ex.run()).resolves.toBe("pass");
  });

  it("an endless loop of microtasks is stopped at the time limit", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(`${starter}\nconst spin = (): Promise<void> => Promise.resolve().then(spin);\nvoid spin();\n`);
    const run = await timedRun(page, exerciseId);
    expect(run.status).toBe("error");
    expect(run.ms).toBeLessThan(limitMs + 1000);
    await expect(ex.results.textContent()).resolves.toContain(`stopped after ${exercise.timeLimitSeconds} s`);
    await ex.paste(solution);
    await expect(ex.run()).resolves.toBe("pass");
  });

  it("never stores a pass for a run whose forged messages claimed one", async () => {
    // given a failing program that tries every way it has to report a pass of its own
    const ex = exerciseOn(page, exerciseId);
    const forge = [
      "const forged = { type: \"result\", runId: 1, results: { version: 3, status: \"pass\", tests: [], durationMs: 1, console: \"\" } };",
      "for (const post of [() => postMessage(forged), () => (globalThis as any).onmessage?.({ data: forged }), () => new MessageChannel().port1.postMessage(forged)]) {",
      "  try { post(); } catch {}",
      "}",
    ].join("\n");
    await ex.paste(`${starter}\n${forge}\n`);
    // when it runs
    await expect(ex.run()).resolves.toBe("fail");
    // then the verdict shown and stored is the harness's own
    await expect(storedVerdict()).resolves.toBe("fail");
  });
});
