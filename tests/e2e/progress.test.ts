import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { exerciseOn, readLearnerFile } from "./exercise-page.ts";

const siteUrl = inject("siteUrl");
const exerciseId = "sqs/first-consumer";
const { solution } = await readLearnerFile(exerciseId);

describe("progress: a learner takes their work to another browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the latest verdict, exports it with the draft, and imports both elsewhere", async () => {
    const laptop = await browser.newContext({ acceptDownloads: true });
    const page = await laptop.newPage();
    await page.goto(`${siteUrl}/sqs/producers-and-consumers/`);
    const ex = exerciseOn(page, exerciseId);
    await expect(ex.runWith(solution)).resolves.toBe("pass");
    await ex.draftSaved(solution);

    await page.goto(`${siteUrl}/progress/`);
    const status = page.locator(`[data-progress-exercise="${exerciseId}"] [data-progress-status]`);
    await expect(status.getAttribute("data-status")).resolves.toBe("pass");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-action="export"]').click()]);
    const exported = readFileSync((await download.path())!, "utf8");
    expect(JSON.parse(exported).format).toBe("eventlab-progress");
    await laptop.close();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(`${siteUrl}/progress/`);
    await expect(otherPage.locator(`[data-progress-exercise="${exerciseId}"] [data-progress-status]`).getAttribute("data-status")).resolves.toBe("none");
    await otherPage.locator('input[data-action="import"]').setInputFiles({ name: "progress.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    await otherPage.waitForFunction(() => document.querySelector("[data-progress-message]")?.textContent?.startsWith("Imported"));
    await expect(otherPage.locator(`[data-progress-exercise="${exerciseId}"] [data-progress-status]`).getAttribute("data-status")).resolves.toBe("pass");
    await otherPage.goto(`${siteUrl}/sqs/producers-and-consumers/`);
    await expect(exerciseOn(otherPage, exerciseId).code()).resolves.toBe(solution);
    await other.close();
  });
});
