import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { exerciseOn, openSitePage, readLearnerFile } from "./exercise-page.ts";

const exerciseId = "sqs/first-consumer";
const { solution } = await readLearnerFile(exerciseId);

describe("the trace of each test, on the page", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSitePage("/sqs/producers-and-consumers/"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows every test its own trace: the queue its beforeEach created, and what the test did with it", async () => {
    // given the solution, whose tests each create a sandbox and an "orders" queue in beforeEach
    const ex = exerciseOn(page, exerciseId);
    // when it runs
    await expect(ex.runWith(solution)).resolves.toBe("pass");
    // then each test result carries a trace that starts with its own queue and holds its own sends and receives
    const tests = await ex.testResults.count();
    const traces = ex.root.locator("[data-test-result] details[data-trace]");
    await expect(traces.count()).resolves.toBe(tests);
    const counts = await traces.evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.trace)));
    expect(new Set(counts).size, `trace sizes ${counts.join(", ")} should differ from test to test`).toBeGreaterThan(1);
    for (let index = 0; index < tests; index++) {
      const trace = traces.nth(index);
      await trace.locator("summary").click();
      const lines = ((await trace.locator("pre").textContent()) ?? "").split("\n");
      expect(lines[0]).toMatch(/^\+0 ms {2}sqs create-queue {2}orders$/);
      expect(lines.filter((line) => line.includes("create-queue")), "one queue per test").toHaveLength(1);
      expect(lines.some((line) => / sqs send /.test(line))).toBe(true);
    }
  });
});
