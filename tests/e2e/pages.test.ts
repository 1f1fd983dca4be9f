import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
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

/**
 * Every page, and the whole of each: it loads, from this site alone, with no script error, and axe finds no
 * serious issue in it. The pages go a few at a time (the browser project's maxConcurrency): a page spends most of
 * its check waiting on the browser, so several overlap. They share one context, as a learner's tabs do: the
 * course's service worker caches the site once, not once per page.
 */
describe.concurrent("every built page", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("includes the lessons", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/sqs/producers-and-consumers/");
  });

  it.for(pages)("%s loads from this site alone, with no script error and no serious accessibility issue", async (path, { expect }) => {
    const page = await context.newPage();
    try {
      const offsite: string[] = [];
      const errors: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(siteUrl) && !/^(data|blob):/.test(request.url())) offsite.push(request.url());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      const response = await page.goto(siteUrl + path, { waitUntil: "load" });
      expect(response?.status()).toBe(200);
      await expect(page.locator("main h1").first().textContent()).resolves.toMatch(/\S/);
      // Expressive Code makes a code block that overflows focusable (a scrollable region a keyboard can reach) from
      // its own script, once its layout has settled (a ResizeObserver, then an idle callback): wait for that state,
      // which is the page a learner tabs through, before axe looks. If it never comes, axe says what is missing.
      await page
        .waitForFunction(
          () => [...document.querySelectorAll(".expressive-code pre")].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute("tabindex")),
          undefined,
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      // Checked after axe, which takes a while: a request or an error that comes late (the page's own scripts load a
      // few modules just after "load") is seen here too.
      expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
