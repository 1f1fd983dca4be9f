import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { draftKey } from "../../src/client/exercise/draft-storage.ts";
import { readExercise } from "../../src/lib/exercises/read-exercise.ts";
import type { ExerciseFolder } from "../../src/lib/exercises/schema.ts";
import { launchChromium } from "../support/chromium.ts";

/** An exercise as a browser test pastes it: its folder, and its first editable file as starter and as solution. */
export interface LearnerFile {
  exercise: ExerciseFolder;
  /** The file's name, e.g. `consumer.ts`: its tab in the editor. */
  learnerFile: string;
  starter: string;
  solution: string;
}

export async function readLearnerFile(exerciseId: string): Promise<LearnerFile> {
  const exercise = await readExercise(fileURLToPath(new URL(`../../src/content/exercises/${exerciseId}/`, import.meta.url)), exerciseId);
  const learnerFile = exercise.editable[0]!;
  const sourceIn = (files: ExerciseFolder["starter"]) => files.find((file) => file.name === learnerFile)!.source;
  return { exercise, learnerFile, starter: sourceIn(exercise.starter), solution: sourceIn(exercise.solution) };
}

export interface OpenedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Chromium with one page, in a context of its own, at `path` of the built site. `beforeLoad` sees the context
 * first (to record its requests, say); close the browser in afterAll.
 */
export async function openSitePage(
  path: string,
  options: { viewport?: { width: number; height: number }; beforeLoad?: (context: BrowserContext) => void } = {},
): Promise<OpenedPage> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  options.beforeLoad?.(context);
  const page = await context.newPage();
  await page.goto(inject("siteUrl") + path);
  return { browser, context, page };
}

/** The browser contract of DESIGN.md, as a small page object for the end-to-end tests. */
export function exerciseOn(page: Page, id: string) {
  const root = page.locator(`[data-exercise="${id}"]`);
  const results = root.locator("[data-results]");

  /** Scrolls the exercise into view and waits for Monaco to replace the static code. */
  const openEditor = async (): Promise<void> => {
    await root.scrollIntoViewIfNeeded();
    await page.waitForSelector(`[data-exercise="${id}"][data-editor="ready"] .monaco-editor`, { timeout: 30_000 });
  };

  /**
   * Selects everything in the editor and pastes `text` over it, as a learner pasting code would. Waits until
   * the editor has focus first (a click can land while Monaco is still settling) and checks the result.
   */
  const paste = async (text: string): Promise<void> => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      await root.locator(".monaco-editor .view-lines").click();
      await page.waitForFunction(
        (exerciseId) => document.activeElement?.closest(`[data-exercise="${exerciseId}"] .monaco-editor`) != null,
        id,
        { timeout: 5_000 },
      );
      await page.keyboard.press("ControlOrMeta+A");
      await page.evaluate((content) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData("text/plain", content);
        document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
      }, text);
      if ((await code()) === text) return;
    }
    throw new Error(`pasting into ${id}'s editor did not change its text`);
  };

  /** The active file's text as the exercise holds it (kept in sync with the editor). */
  const code = () => root.locator("[data-static-code] code").textContent();

  /** Clicks Run and waits for the verdict. */
  const run = async (timeout = 15_000): Promise<string> => {
    await root.locator('button[data-action="run"]').click();
    return waitForVerdict(results, timeout);
  };

  return {
    root,
    results,
    testResults: root.locator("[data-test-result]"),
    runButton: root.locator('button[data-action="run"]'),
    resetButton: root.locator('button[data-action="reset"]'),
    tab: (name: string) => root.locator(`[data-file-tab="${name}"]`),
    openEditor,
    paste,
    code,
    run,

    /** Opens the editor if it is not open yet and pastes `text` over the active file, as a learner would. */
    async write(text: string): Promise<void> {
      await openEditor();
      await paste(text);
    },

    /** Writes `text` (see write), clicks Run and waits for the verdict: what most browser tests start with. */
    async runWith(text: string, timeout?: number): Promise<string> {
      await openEditor();
      await paste(text);
      return run(timeout);
    },

    /**
     * Waits until this browser's stored draft holds `text` (drafts are written a moment after the last edit), so
     * a reload or another page finds it: no fixed wait.
     */
    async draftSaved(text: string): Promise<void> {
      await page.waitForFunction(
        ([key, expected]) => Object.values((JSON.parse(localStorage.getItem(key!) ?? "{}") as { files?: object }).files ?? {}).includes(expected),
        [draftKey(id), text],
        { timeout: 5_000 },
      );
    },
  };
}

export async function waitForVerdict(results: Locator, timeout: number): Promise<string> {
  const handle = await results.elementHandle();
  await results.page().waitForFunction(
    (element) => ["pass", "fail", "error"].includes((element as HTMLElement).dataset.status ?? ""),
    handle,
    { timeout },
  );
  return (await results.getAttribute("data-status")) ?? "";
}
