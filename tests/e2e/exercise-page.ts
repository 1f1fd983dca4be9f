import type { Locator, Page } from "playwright-core";

/** The browser contract of DESIGN.md, as a small page object for the end-to-end tests. */
export function exerciseOn(page: Page, id: string) {
  const root = page.locator(`[data-exercise="${id}"]`);
  const results = root.locator("[data-results]");
  return {
    root,
    results,
    testResults: root.locator("[data-test-result]"),
    runButton: root.locator('button[data-action="run"]'),
    resetButton: root.locator('button[data-action="reset"]'),
    tab: (name: string) => root.locator(`[data-file-tab="${name}"]`),

    /** Scrolls the exercise into view and waits for Monaco to replace the static code. */
    async openEditor(): Promise<void> {
      await root.scrollIntoViewIfNeeded();
      await page.waitForSelector(`[data-exercise="${id}"][data-editor="ready"] .monaco-editor`, { timeout: 30_000 });
    },

    /**
     * Selects everything in the editor and pastes `text` over it, as a learner pasting code would. Waits until
     * the editor has focus first (a click can land while Monaco is still settling) and checks the result.
     */
    async paste(text: string): Promise<void> {
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
        if ((await root.locator("[data-static-code] code").textContent()) === text) return;
      }
      throw new Error(`pasting into ${id}'s editor did not change its text`);
    },

    /** The active file's text as the exercise holds it (kept in sync with the editor). */
    code: () => root.locator("[data-static-code] code").textContent(),

    /** Clicks Run and waits for the verdict. */
    async run(timeout = 15_000): Promise<string> {
      await root.locator('button[data-action="run"]').click();
      return waitForVerdict(results, timeout);
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
