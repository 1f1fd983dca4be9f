import type { RunResults } from "sandbox-engine/runner";
import type { RunState } from "./exercise-store.ts";

/**
 * Renders the run panel. Everything a run produced (names, messages, output) is learner- or test-controlled text,
 * so it only ever goes into the DOM as textContent.
 */
export function renderResults(panel: HTMLElement, run: RunState): void {
  panel.dataset.status = run.status;
  panel.setAttribute("aria-busy", String(run.status === "running"));
  panel.replaceChildren(...panelContent(run));
}

function panelContent(run: RunState): Node[] {
  switch (run.status) {
    case "idle":
      return [paragraph("Press Run (or Ctrl+Enter in the editor) to run the tests.", "results-hint")];
    case "running":
      return [paragraph(run.testsDone ? `Running the tests… ${run.testsDone} done` : "Running the tests…", "results-hint")];
    default:
      return [summary(run.results), ...(run.results.tests.length ? [testList(run.results)] : []), ...consoleBlock(run.results)];
  }
}

function summary(results: RunResults): HTMLElement {
  const passed = results.tests.filter((test) => test.status === "pass").length;
  const total = results.tests.length;
  const text =
    results.status === "error"
      ? `Could not finish the run: ${results.message ?? "unknown error"}`
      : results.status === "pass"
        ? `All ${total} tests passed in ${formatMs(results.durationMs)}.`
        : `${passed} of ${total} tests passed (${formatMs(results.durationMs)}).`;
  const element = paragraph(text, "results-summary");
  element.setAttribute("role", "status");
  return element;
}

function testList(results: RunResults): HTMLElement {
  const list = document.createElement("ol");
  list.className = "results-tests";
  for (const test of results.tests) {
    const item = document.createElement("li");
    item.dataset.testResult = "";
    item.dataset.status = test.status;
    const title = document.createElement("p");
    title.className = "results-test-name";
    const badge = document.createElement("span");
    badge.className = "results-badge";
    badge.textContent = test.status === "pass" ? "✓ pass" : test.status === "fail" ? "✗ fail" : "! error";
    title.append(badge, " ", test.name);
    item.append(title);
    if (test.message) item.append(preformatted(test.message, "results-message"));
    if (test.output) item.append(labelled("Output", preformatted(test.output, "results-output")));
    list.append(item);
  }
  return list;
}

function consoleBlock(results: RunResults): Node[] {
  if (!results.console) return [];
  return [labelled("Console", preformatted(results.console, "results-console"))];
}

function labelled(label: string, content: HTMLElement): HTMLElement {
  const details = document.createElement("details");
  const title = document.createElement("summary");
  title.textContent = label;
  details.append(title, content);
  return details;
}

function paragraph(text: string, className: string): HTMLElement {
  const element = document.createElement("p");
  element.className = className;
  element.textContent = text;
  return element;
}

function preformatted(text: string, className: string): HTMLElement {
  const element = document.createElement("pre");
  element.className = className;
  element.textContent = text;
  return element;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
