import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";

const siteUrl = inject("siteUrl");

describe("Starlight search (Pagefind), served by the site itself", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds the lesson on a term from its text, with no request off the site", async () => {
    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(siteUrl) && !/^(data|blob):/.test(request.url())) offsite.push(request.url());
    });
    await page.goto(`${siteUrl}/`);
    await page.locator("button[data-open-modal]").click();
    await page.locator("dialog .pagefind-ui__search-input").fill("visibility timeout");
    const firstResult = page.locator("dialog .pagefind-ui__result-link").first();
    await firstResult.waitFor({ timeout: 15_000 });
    const hrefs = await page.locator("dialog .pagefind-ui__result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs.some((href) => href?.includes("/sqs/producers-and-consumers/"))).toBe(true);
    expect(offsite).toEqual([]);
    await page.close();
  });
});
