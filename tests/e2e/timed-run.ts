import type { Page } from "playwright-core";

/**
 * Clicks an exercise's Run button inside the page and times it there, until the results panel shows a verdict:
 * what a learner waits for, without the test driver's round trips. Used by `npm run bench` and the browser tests.
 */
export function timedRun(page: Page, exerciseId: string): Promise<{ ms: number; status: string }> {
  return page.evaluate((id) => {
    const root = document.querySelector(`[data-exercise="${id}"]`)!;
    const panel = root.querySelector<HTMLElement>("[data-results]")!;
    const button = root.querySelector<HTMLButtonElement>('button[data-action="run"]')!;
    return new Promise<{ ms: number; status: string }>((resolve) => {
      let startedAt = 0;
      const observer = new MutationObserver(() => {
        const status = panel.dataset.status ?? "";
        if (["pass", "fail", "error"].includes(status)) {
          observer.disconnect();
          resolve({ ms: performance.now() - startedAt, status });
        }
      });
      observer.observe(panel, { attributes: true, attributeFilter: ["data-status"] });
      startedAt = performance.now();
      button.click();
    });
  }, exerciseId);
}
