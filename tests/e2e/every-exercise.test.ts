import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import { distDir } from "../support/build-site.ts";
import { launchChromium } from "../support/chromium.ts";
import { exerciseOn } from "./exercise-page.ts";

/** Where each exercise is embedded in the built site: exercise id -> page path. */
function exercisePages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const html = readFileSync(join(entry.parentPath, entry.name), "utf8");
    const path = `/${relative(distDir, entry.parentPath)}/`.replace(/\/+/g, "/");
    for (const [, id] of html.matchAll(/data-exercise="([^"]+)"/g)) if (!pages.has(id!)) pages.set(id!, path);
  }
  return pages;
}

const siteUrl = inject("siteUrl");
const exercises = await readAllExercises(fileURLToPath(new URL("../../src/content/exercises/", import.meta.url)));
const pages = exercisePages();

/**
 * Each exercise in a page of its own, one after another. The pages share one context, so Monaco, the runner and
 * the site's files come from its cache after the first page, as they do for a learner going from lesson to lesson.
 * (Two at a time was tried: on a loaded two-core machine it gained nothing and a paste once missed its focus.)
 */
describe("every exercise in real Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is embedded in some lesson", () => {
    expect(exercises.filter((exercise) => !pages.has(exercise.id)).map((exercise) => exercise.id)).toEqual([]);
  });

  it.for(exercises.map((exercise) => [exercise.id, exercise] as const))(
    "%s: the pasted solution passes and the pasted starter fails",
    async ([id, exercise], { expect }) => {
      const page = await context.newPage();
      try {
        await page.goto(siteUrl + pages.get(id)!);
        const ex = exerciseOn(page, id);
        await ex.openEditor();
        const pasteAll = async (files: typeof exercise.solution) => {
          for (const file of files.filter((candidate) => candidate.role === "editable")) {
            await ex.tab(file.name).click();
            await ex.paste(file.source);
            await expect(ex.code()).resolves.toBe(file.source);
          }
        };
        await pasteAll(exercise.solution);
        await expect(ex.run(), `${id}: solution`).resolves.toBe("pass");
        await pasteAll(exercise.starter);
        await expect(ex.run(), `${id}: starter`).resolves.toBe("fail");
      } finally {
        await page.close();
      }
    },
  );
});
