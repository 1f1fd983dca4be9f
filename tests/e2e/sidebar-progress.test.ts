import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./axe.ts";
import { exerciseOn, openSitePage, readLearnerFile } from "./exercise-page.ts";

const lessonPath = "/sqs/dead-letter-queues/";
const exerciseId = "sqs/dead-letter";
const { solution } = await readLearnerFile(exerciseId);

describe("progress you can see in the sidebar", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSitePage(lessonPath, { viewport: { width: 1280, height: 1000 } }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const sidebar = () => page.locator("eventlab-sidebar-progress");
  const lessonCheck = () => sidebar().locator(`a[href="${lessonPath}"] [data-progress-check]`);
  const sqsBar = () => sidebar().locator("[data-module-progress]").filter({ hasText: "Amazon SQS" });

  it("starts with no checks and empty bars", async () => {
    await expect(lessonCheck().count()).resolves.toBe(0);
    await expect(sqsBar().textContent()).resolves.toMatch(/^Amazon SQS: 0 of \d+ exercises passed$/);
    await expect(sidebar().locator("[data-course-progress]").textContent()).resolves.toMatch(/^Course: 0 of \d+ exercises passed$/);
  });

  it("shows a check on the lesson and fuller bars after the lesson's exercise passes, and keeps them after a reload", async () => {
    await expect(exerciseOn(page, exerciseId).runWith(solution)).resolves.toBe("pass");
    await expect(lessonCheck().getAttribute("aria-label")).resolves.toBe("all exercises passed");
    await expect(sqsBar().textContent()).resolves.toMatch(/^Amazon SQS: 1 of \d+ exercises passed$/);
    await expect(sqsBar().locator("progress").evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(1);
    await page.reload();
    await expect(lessonCheck().count()).resolves.toBe(1);
    await expect(sidebar().locator("[data-course-progress]").textContent()).resolves.toMatch(/^Course: 1 of \d+ exercises passed$/);
  });

  it("ends the lesson with a link to the next one", async () => {
    await expect(page.locator('a[rel="next"]').textContent()).resolves.toMatch(/^Next\s*Batching and partial failures$/);
  });

  it("has no serious accessibility issue with the progress drawn", async () => {
    // A fresh load, as pages.test.ts checks every page: the progress is drawn from storage. Not "networkidle": the
    // service worker may still be precaching the site in the background.
    await page.reload({ waitUntil: "load" });
    await expect.poll(() => lessonCheck().count()).toBe(1);
    // Expressive Code makes wide code blocks focusable from its own script once the page has settled.
    await expect.poll(() => seriousAccessibilityViolations(page), { timeout: 15_000 }).toEqual([]);
  });
});
