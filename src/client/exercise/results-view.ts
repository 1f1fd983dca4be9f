import type { RunResults, RunTestResult } from "sandbox-engine/runner";
import type { RunState } from "./exercise-store.ts";
import { billBlock } from "./run-bill-view.ts";

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
      return [paragraph(runningText(run.testsDone, run.testsFailed, run.testsTotal), "results-hint")];
    default:
      return [
        summary(run.results),
        ...(run.results.bill ? [billBlock(run.results.bill)] : []),
        ...(run.results.tests.length ? [testList(run.results)] : []),
        ...consoleBlock(run.results),
      ];
  }
}

function runningText(done: number, failed: number, total: number | undefined): string {
  if (!done) return total === undefined ? "Running the tests…" : `Running ${total} ${total === 1 ? "test" : "tests"}… 0 done`;
  const tests = total === undefined ? `${done} ${done === 1 ? "test" : "tests"} done` : `${done} of ${total} ${total === 1 ? "test" : "tests"} done`;
  return failed ? `Running the tests… ${tests}, ${failed} failed so far` : `Running the tests… ${tests}, all passed so far`;
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
    if (test.trace.length) item.append(eventFlowBlock(test), chartsBlock(test), traceBlock(test));
    list.append(item);
  }
  return list;
}

/**
 * "What happened": the event flow of one test (lanes, marks on virtual time, cause arrows, a table). Its code
 * loads only when a learner opens it.
 */
function eventFlowBlock(test: RunTestResult): HTMLElement {
  return onDemandBlock("What happened", "eventFlow", "The event flow could not load; the trace below lists the same events.", async (container) => {
    const { renderEventFlow } = await import("../event-flow/flow-view.ts");
    renderEventFlow(container, test.trace, test.traceDropped);
  });
}

/** Queue depths and function concurrency over the test's virtual time; the charting library loads on opening. */
function chartsBlock(test: RunTestResult): HTMLElement {
  return onDemandBlock("Charts over virtual time", "charts", "The charts could not load; the event table lists the same changes.", async (container) => {
    const { renderRunCharts } = await import("../event-flow/charts-view.ts");
    renderRunCharts(container, test.trace);
  });
}

/** A closed disclosure whose content is drawn (and whose code is loaded) the first time it opens. */
function onDemandBlock(label: string, dataKey: "eventFlow" | "charts", fallback: string, draw: (container: HTMLElement) => Promise<void>): HTMLElement {
  const container = document.createElement("div");
  container.textContent = "Drawing…";
  const details = labelled(label, container);
  details.dataset[dataKey] = "";
  details.addEventListener(
    "toggle",
    () => {
      draw(container)
        .catch((error: unknown) => {
          console.error(error);
          container.textContent = fallback;
        })
        .finally(() => (details.dataset[dataKey] = "drawn"));
    },
    { once: true },
  );
  return details;
}

/**
 * What the simulated cloud recorded during one test, one line per event. Drawn when the learner opens it: a test
 * can record thousands of events, and a warm run must not pay for drawing them.
 */
function traceBlock(test: RunTestResult): HTMLElement {
  const count = test.trace.length + (test.traceDropped ?? 0);
  const details = labelled(`Trace (${count} ${count === 1 ? "event" : "events"})`, preformatted("", "results-trace"));
  details.dataset.trace = String(count);
  const fill = () => {
    const pre = details.querySelector("pre")!;
    if (pre.textContent) return;
    const start = test.trace[0]?.time ?? 0;
    const lines = test.trace.map((event) => `+${event.time - start} ms  ${event.service} ${event.kind}  ${resourceName(event.resource)}`);
    if (test.traceDropped) lines.push(`… ${test.traceDropped} more events`);
    pre.textContent = lines.join("\n");
  };
  // Filled as the summary is clicked (or Enter/Space pressed on it), so the lines are there the moment it opens;
  // `toggle` (fired later) covers any other way of opening it.
  details.querySelector("summary")!.addEventListener("click", fill, { once: true });
  details.addEventListener("toggle", fill, { once: true });
  return details;
}

/** "arn:aws:sqs:us-east-1:123456789012:orders" reads as "orders". */
function resourceName(resource: string): string {
  return resource.split(/[:/]/).pop() || resource;
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
