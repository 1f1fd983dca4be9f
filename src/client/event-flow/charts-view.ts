// Loaded on demand (dynamic import) when a learner opens "Charts over virtual time" under a test; uPlot comes with it.
import uPlot from "uplot";
import uPlotCss from "uplot/dist/uPlot.min.css?inline";
import type { FlowTraceEvent } from "./flow-model.ts";
import { runSeries, type Series } from "./run-series.ts";

const lineColours = ["#2f7de1", "#d97706", "#9333ea"];

/**
 * Draws one chart per queue (visible, in flight, delayed), per function (concurrent executions, throttles and
 * errors so far) and per API (requests, 4xx and 5xx so far) over the test's virtual time, with uPlot. Each chart has a caption that states its peaks in words,
 * for readers who cannot see the canvas; the event table lists every change.
 */
export function renderRunCharts(container: HTMLElement, trace: readonly FlowTraceEvent[]): void {
  insertStyle();
  const all = runSeries(trace);
  container.replaceChildren();
  if (!all.length) {
    const none = document.createElement("p");
    none.textContent = "No queue, function or API was used in this test, so there is nothing to chart.";
    container.append(none);
    return;
  }
  const width = Math.max(300, Math.min(container.clientWidth || 600, 720));
  for (const series of all) container.append(chart(series, width));
}

function chart(series: Series, width: number): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "run-chart";
  figure.dataset.chart = series.title;
  const caption = document.createElement("figcaption");
  caption.textContent = `${series.title}: ${series.lines.map((line) => `${line.label} up to ${Math.max(0, ...line.values)}`).join(", ")}.`;
  const plot = document.createElement("div");
  plot.setAttribute("role", "img");
  plot.setAttribute("aria-label", `Chart of ${caption.textContent}`);
  figure.append(caption, plot);
  // A single instant still draws: uPlot needs two points to make a scale.
  const seconds = series.seconds.length > 1 ? series.seconds : [...series.seconds, (series.seconds[0] ?? 0) + 1];
  const data = [seconds, ...series.lines.map((line) => (line.values.length > 1 || series.seconds.length > 1 ? line.values : [...line.values, line.values[0] ?? 0]))];
  new uPlot(
    {
      width,
      height: 160,
      scales: { x: { time: false } },
      axes: [
        { label: "virtual time (s)", stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } },
        { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } },
      ],
      series: [{ label: "s" }, ...series.lines.map((line, index) => ({ label: line.label, stroke: lineColours[index], width: 2, paths: uPlot.paths.stepped!({ align: 1 }) }))],
    },
    data as uPlot.AlignedData,
    plot,
  );
  return figure;
}

function insertStyle(): void {
  if (document.querySelector("style[data-run-charts-css]")) return;
  const style = document.createElement("style");
  style.dataset.runChartsCss = "";
  style.textContent = `${uPlotCss}\n.run-chart { margin: 0.5rem 0; } .run-chart figcaption { font-size: var(--sl-text-sm); font-weight: 600; } .run-chart .u-legend { font-size: var(--sl-text-xs); }`;
  document.head.append(style);
}
