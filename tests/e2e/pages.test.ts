import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { distDir } from "../support/build-site.ts";
import { launchChromium } from "../support/chromium.ts";
import { seriousAccessibilityViolations } from "./axe.ts";

/** Every page of the built site, as a path: `/`, `/sqs/producers-and-consumers/`, ... */
function builtPages(): string[] {
  const entries = readdirSync(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "index.html")
    .map((entry) => `/${relative(distDir, join(entry.parentPath, entry.name)).replace(/index\.html$/, "")}`)
    .sort();
}

const siteUrl = inject("siteUrl");
const pages = builtPages();

describe("every built page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("includes the lessons", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/sqs/producers-and-consumers/");
  });

  it.each(pages)("%s loads from this site alone, with no script error and no serious accessibility issue", async (path) => {
    const page = await browser.newPage();
    const offsite: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(siteUrl) && !/^(data|blob):/.test(request.url())) offsite.push(request.url());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(siteUrl + path, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.locator("main h1").first().textContent()).resolves.toMatch(/\S/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
