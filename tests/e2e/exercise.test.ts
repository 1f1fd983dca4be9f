import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./axe.ts";
import { exerciseOn, openSitePage, readLearnerFile, waitForVerdict } from "./exercise-page.ts";

const siteUrl = inject("siteUrl");
const lessonPath = "/sqs/producers-and-consumers/";
const exerciseId = "sqs/first-consumer";
const { exercise, learnerFile, solution, starter } = await readLearnerFile(exerciseId);

describe("a learner doing the sqs/first-consumer exercise in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ browser, page } = await openSitePage(lessonPath, { beforeLoad: (context) => context.on("request", (request) => requests.push(request.url())) }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the lesson text and the exercise shell before the editor loads", async () => {
    const ex = exerciseOn(page, exerciseId);
    await expect(page.locator("main h1").textContent()).resolves.toMatch(/\S/);
    await expect(ex.root.getAttribute("data-editor")).resolves.toBe("static");
    await expect(ex.code()).resolves.toContain("export");
    const editorRequests = requests.filter((url) => /monaco|editor\.worker|ts\.worker/i.test(url));
    expect(editorRequests, "the editor must not load before the exercise is in view").toEqual([]);
  });

  it("runs the pasted solution: every test passes", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.openEditor();
    await ex.paste(solution);
    await expect(ex.code()).resolves.toBe(solution);
    await expect(ex.run()).resolves.toBe("pass");
    const statuses = await ex.testResults.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === "pass")).toBe(true);
  });

  it("runs the pasted starter: at least one test fails, with a message", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(starter);
    await expect(ex.run()).resolves.toBe("fail");
    const failing = ex.root.locator('[data-test-result][data-status="fail"]');
    await expect(failing.count()).resolves.toBeGreaterThan(0);
    await expect(failing.first().locator(".results-message").textContent()).resolves.toMatch(/\S/);
  });

  it("stops an endless loop at the time limit and stays responsive", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(`${starter}\nwhile (true) {}\n`);
    const startedAt = Date.now();
    await expect(ex.run(exercise.timeLimitSeconds * 1000 + 5000)).resolves.toBe("error");
    const elapsedMs = Date.now() - startedAt;
    expect(elapsedMs).toBeLessThan(exercise.timeLimitSeconds * 1000 + 5000);
    await expect(ex.results.textContent()).resolves.toContain(`stopped after ${exercise.timeLimitSeconds} s: is there an endless loop?`);

    // The page still answers: switching tabs works, and the next run works.
    const testFile = exercise.tests[0]!.name;
    await ex.tab(testFile).click();
    await expect(ex.tab(testFile).getAttribute("aria-selected")).resolves.toBe("true");
    await ex.tab(learnerFile).click();
    await ex.paste(solution);
    await expect(ex.run()).resolves.toBe("pass");
  });

  it("type-checks with the engine and vitest types: errors squiggle but do not block a run", async () => {
    const ex = exerciseOn(page, exerciseId);
    const squiggles = ex.root.locator(".monaco-editor .squiggly-error");
    // The tests file imports vitest, sandbox-engine and @aws-sdk/client-sqs: all resolve, so no error shows.
    await ex.tab(exercise.tests[0]!.name).click();
    await page.waitForTimeout(2500);
    await expect(squiggles.count()).resolves.toBe(0);
    await ex.tab(learnerFile).click();
    await ex.paste(`${solution}\nconst wrong: number = "not a number";\n`);
    await squiggles.first().waitFor({ timeout: 20_000 });
    await expect(ex.run()).resolves.toBe("pass");
  });

  it("keeps the draft across a reload", async () => {
    const ex = exerciseOn(page, exerciseId);
    const draft = `${solution}\n// my note: keep this\n`;
    await ex.paste(draft);
    await ex.draftSaved(draft);
    await page.reload();
    await expect(exerciseOn(page, exerciseId).code()).resolves.toBe(draft);
    await exerciseOn(page, exerciseId).openEditor();
    await expect(exerciseOn(page, exerciseId).code()).resolves.toBe(draft);
  });

  it("runs with Ctrl+Enter in the editor", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(starter);
    await page.keyboard.press("Control+Enter");
    await expect(waitForVerdict(ex.results, 15_000)).resolves.toBe("fail");
  });

  it("asks before Reset, and keeps the code when the learner says no", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.paste(solution);
    page.once("dialog", (dialog) => void dialog.dismiss());
    await ex.resetButton.click();
    await expect(ex.code()).resolves.toBe(solution);

    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await ex.resetButton.click();
    expect(question).toContain(learnerFile);
    await expect(ex.code()).resolves.toBe(starter);
    await expect(ex.results.getAttribute("data-status")).resolves.toBe("idle");
  });

  it("moves between file tabs with the arrow keys", async () => {
    const ex = exerciseOn(page, exerciseId);
    await ex.tab(learnerFile).focus();
    await page.keyboard.press("ArrowRight");
    const second = (await ex.root.locator("[data-file-tab]").nth(1).getAttribute("data-file-tab"))!;
    await expect(ex.tab(second).getAttribute("aria-selected")).resolves.toBe("true");
    await page.keyboard.press("ArrowLeft");
    await expect(ex.tab(learnerFile).getAttribute("aria-selected")).resolves.toBe("true");
  });

  it("has no serious or critical accessibility violation (axe-core), with the editor and results showing", async () => {
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it("never sent a request off localhost", () => {
    const { origin } = new URL(siteUrl);
    const offsite = requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(requests.length).toBeGreaterThan(0);
    expect(offsite).toEqual([]);
  });
});
