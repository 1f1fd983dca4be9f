import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./axe.ts";
import { exerciseOn, openSitePage, readLearnerFile, waitForVerdict } from "./exercise-page.ts";

const siteUrl = inject("siteUrl");
const lessonPath = "/sqs/dead-letter-queues/";
const exerciseId = "sqs/dead-letter";
const { exercise, starter, solution } = await readLearnerFile(exerciseId);
const myDraft = `// my own attempt: keep me\n${starter}`;

describe("help while solving: hints, the solution, stopping a run", () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  let answer: "accept" | "dismiss" = "dismiss";

  beforeAll(async () => {
    ({ browser, page } = await openSitePage(lessonPath, {
      viewport: { width: 1280, height: 1000 },
      beforeLoad: (context) =>
        context.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void (answer === "accept" ? dialog.accept() : dialog.dismiss());
        }),
    }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens the hints one at a time", async () => {
    const ex = exerciseOn(page, exerciseId);
    const hints = ex.root.locator("[data-hint]");
    const button = ex.root.locator('button[data-action="hint"]');
    await expect(hints.count()).resolves.toBe(exercise.hints.length);
    await expect(ex.root.locator("[data-hint]:visible").count()).resolves.toBe(0);
    await expect(button.textContent()).resolves.toContain(`Show hint 1 of ${exercise.hints.length}`);
    await button.click();
    await expect(ex.root.locator("[data-hint]:visible").count()).resolves.toBe(1);
    await expect(hints.first().isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-hint"))).resolves.toBe(true);
    await expect(button.textContent()).resolves.toContain(`Show hint 2 of ${exercise.hints.length}`);
    for (let shown = 2; shown <= exercise.hints.length; shown++) await button.click();
    await expect(ex.root.locator("[data-hint]:visible").count()).resolves.toBe(exercise.hints.length);
    await expect(button.isVisible()).resolves.toBe(false);
  });

  it("offers the solution only after a run, asks first, and opens nothing when the learner says no", async () => {
    const ex = exerciseOn(page, exerciseId);
    const show = ex.root.locator('button[data-action="solution"]');
    await expect(show.isVisible()).resolves.toBe(false);
    await expect(ex.runWith(myDraft)).resolves.toBe("fail");
    await expect(show.isVisible()).resolves.toBe(true);
    answer = "dismiss";
    await show.click();
    expect(dialogs.at(-1)).toMatch(/Show the reference solution\?/);
    await expect(ex.root.locator("[data-solution]").isVisible()).resolves.toBe(false);
  });

  it("shows the draft next to the solution in Monaco's diff editor, leaves the draft intact after a reload, and marks the help", async () => {
    const ex = exerciseOn(page, exerciseId);
    answer = "accept";
    await ex.root.locator('button[data-action="solution"]').click();
    const diff = ex.root.locator("[data-solution] .monaco-diff-editor");
    await diff.waitFor({ timeout: 15_000 });
    await expect(diff.locator(".editor.original .view-lines:not(.line-delete)").textContent()).resolves.toMatch(/my\s+own\s+attempt/); // Monaco renders spaces as U+00A0
    const solutionText = await diff.locator(".editor.modified .view-lines:not(.line-delete)").textContent();
    expect(solutionText).toMatch(/export\s+async\s+function|export\s+interface/);
    expect(solutionText).not.toMatch(/my\s+own\s+attempt/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    await page.reload();
    await expect(exerciseOn(page, exerciseId).code()).resolves.toBe(myDraft);
    await page.goto(`${siteUrl}/progress/`);
    await expect(page.locator(`[data-progress-exercise="${exerciseId}"] [data-progress-status]`).textContent()).resolves.toMatch(/solution seen/);
  });

  it("while a run goes, says how many of its tests are done", async () => {
    // given a draft whose redrive never returns (it keeps waiting): the three tests before it finish, the last one hangs
    await page.goto(siteUrl + lessonPath);
    const ex = exerciseOn(page, exerciseId);
    await ex.write(`${solution.replace("export async function redrive(", "async function unused(")}\nexport async function redrive(): Promise<never> {\n  for (;;) await new Promise((resolve) => setTimeout(resolve, 50));\n}\n`);
    await ex.runButton.click();
    // then the panel counts them against the total the runner collected
    await expect.poll(() => ex.results.textContent(), { timeout: 15_000 }).toContain("3 of 4 tests done");
    await ex.root.locator('button[data-action="stop"]').click();
    await expect.poll(() => ex.results.textContent(), { timeout: 5_000 }).toContain("Press Run");
  });

  it("stops a run with the Stop button, keeps the code, and runs again afterwards", async () => {
    await page.goto(siteUrl + lessonPath);
    const ex = exerciseOn(page, exerciseId);
    const endless = `${starter}\nwhile (true) {}\n`;
    await ex.write(endless);
    // Run at once, within the autosave delay: the draft is saved as the run starts, so no "Draft saved" notice
    // comes after Stop's.
    await ex.runButton.click();
    const stop = ex.root.locator('button[data-action="stop"]');
    await stop.waitFor({ state: "visible" });
    const startedAt = Date.now();
    await stop.click();
    await expect.poll(() => ex.results.textContent(), { timeout: 5_000 }).toContain("Press Run");
    expect(Date.now() - startedAt, "Stop ends the run long before the time limit").toBeLessThan(exercise.timeLimitSeconds * 1000);
    // the draft holds the code that ran, and the notice is still Stop's
    await ex.draftSaved(endless);
    await expect(ex.root.locator("[data-notice]").textContent()).resolves.toContain("Run stopped");
    await expect(stop.isVisible()).resolves.toBe(false);
    await expect(ex.code()).resolves.toContain("while (true) {}");
    // the runner answers again: back to the starter (Reset asks first; the learner agrees) and run it
    answer = "accept";
    await ex.resetButton.click();
    await ex.runButton.click();
    await expect(waitForVerdict(ex.results, 15_000)).resolves.toBe("fail");
  });
});
