// Loaded on demand (dynamic import) when a learner opens "What happened" under a test: a page that never opens it
// never downloads it.
import {
  aggregateMarks,
  buildFlow,
  formatDetailValue,
  formatOffset,
  highlightLabels,
  layoutX,
  resourceName,
  type Flow,
  type FlowTraceEvent,
  type Mark,
} from "./flow-model.ts";
import { renderFlowTable } from "./flow-table.ts";
// Inline, so the style arrives with this module and not with the lesson page.
import eventFlowCss from "./event-flow.css?inline";

const svgNs = "http://www.w3.org/2000/svg";
const laneHeight = 48;
const axisHeight = 28;
const margin = 48;
/** Marks of one lane closer than this (px) merge into one. */
const mergeDistance = 12;

interface Zoom {
  pxPerMs: number;
  minGap: number;
}

/**
 * Draws the event flow of one test into `container`: lanes by resource, marks in order on the virtual-time axis,
 * cause arrows, what stands out in colour and words, zoom, details on click, and the same events as a table.
 * Everything from the trace is learner-controlled text, so it only reaches the DOM as textContent.
 */
export function renderEventFlow(container: HTMLElement, trace: readonly FlowTraceEvent[], dropped = 0): void {
  insertStyle();
  const flow = buildFlow(trace, dropped);
  container.replaceChildren();
  container.classList.add("event-flow");
  if (!flow.events.length) {
    container.append(text("p", "The simulated cloud recorded nothing during this test.", "event-flow-empty"));
    return;
  }

  const toolbar = element("div", "event-flow-toolbar");
  const zoomIn = button("Zoom in");
  const zoomOut = button("Zoom out");
  const fit = button("Fit");
  toolbar.append(zoomIn, zoomOut, fit, legend());

  const labels = element("ol", "event-flow-lanes");
  labels.setAttribute("aria-label", "Lanes");
  labels.style.paddingTop = `${axisHeight}px`;
  for (const lane of flow.lanes) {
    const item = text("li", lane.label);
    item.title = lane.resource;
    item.style.height = `${laneHeight}px`;
    labels.append(item);
  }
  const scroller = element("div", "event-flow-scroller");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "group");
  scroller.setAttribute("aria-label", "Event flow drawing; scroll sideways. The table below lists the same events.");
  const body = element("div", "event-flow-body");
  body.append(labels, scroller);

  const detailsPanel = element("div", "event-flow-details");
  detailsPanel.setAttribute("aria-live", "polite");
  detailsPanel.append(text("p", "Click a mark to see its details.", "event-flow-hint"));

  const tableBlock = document.createElement("details");
  tableBlock.className = "event-flow-table-block";
  tableBlock.append(text("summary", `Events as a table (${flow.events.length})`));
  tableBlock.addEventListener("toggle", () => tableBlock.open && !tableBlock.dataset.drawn && renderFlowTable(tableBlock, flow), {});

  const summary = text("p", summarise(flow), "event-flow-summary");
  container.append(summary, toolbar, body, detailsPanel, tableBlock);

  let zoom = fitZoom(flow, Math.max(320, scroller.clientWidth - margin * 2 - 40));
  const initial = zoom;
  let marks: Mark[] = [];
  const draw = () => {
    marks = drawFlow(scroller, flow, zoom);
  };
  draw();
  zoomIn.addEventListener("click", () => {
    zoom = { pxPerMs: zoom.pxPerMs * 2, minGap: zoom.minGap * 2 };
    draw();
  });
  zoomOut.addEventListener("click", () => {
    zoom = { pxPerMs: zoom.pxPerMs / 2, minGap: zoom.minGap / 2 };
    draw();
  });
  fit.addEventListener("click", () => {
    zoom = initial;
    draw();
  });
  scroller.addEventListener("click", (event) => {
    const target = (event.target as Element).closest("[data-mark]");
    if (!target) return;
    const mark = marks[Number(target.getAttribute("data-mark"))];
    if (mark) showDetails(detailsPanel, flow, mark);
    scroller.querySelectorAll("[data-selected]").forEach((selected) => selected.removeAttribute("data-selected"));
    target.setAttribute("data-selected", "");
  });
}

function insertStyle(): void {
  if (document.querySelector("style[data-event-flow-css]")) return;
  const style = document.createElement("style");
  style.dataset.eventFlowCss = "";
  style.textContent = eventFlowCss;
  document.head.append(style);
}

/** Most of the width keeps events in order (same-millisecond events stay apart), the rest shows virtual time. */
function fitZoom(flow: Flow, width: number): Zoom {
  const span = flow.events.at(-1)!.at;
  const minGap = Math.min(64, Math.max(0.5, (width * 0.6) / flow.events.length));
  return { pxPerMs: span > 0 ? (width - minGap * flow.events.length) / span : 0, minGap };
}

function drawFlow(scroller: HTMLElement, flow: Flow, zoom: Zoom): Mark[] {
  const xs = layoutX(flow, zoom.pxPerMs, zoom.minGap);
  const marks = aggregateMarks(flow, xs, mergeDistance);
  const width = Math.ceil((xs.at(-1) ?? 0) + margin * 2 + 60);
  const height = axisHeight + flow.lanes.length * laneHeight;
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("aria-hidden", "true");
  svg.dataset.marks = String(marks.length);
  svg.append(arrowHead());
  const laneY = (lane: number) => axisHeight + lane * laneHeight + laneHeight / 2;

  const lines = svgElement("g", { class: "event-flow-grid" });
  for (const lane of flow.lanes) lines.append(svgElement("line", { x1: 0, x2: width, y1: laneY(lane.index), y2: laneY(lane.index) }));
  svg.append(lines);
  svg.append(axis(flow, xs, width));

  // Cause arrows, between the marks that hold the two events; one path for all of them keeps 5,000 events cheap.
  const markOf = new Int32Array(flow.events.length);
  marks.forEach((mark, index) => mark.members.forEach((member) => (markOf[member] = index)));
  const links = new Set<number>();
  let path = "";
  for (const [index, flowEvent] of flow.events.entries()) {
    if (flowEvent.causeIndex === undefined) continue;
    const from = markOf[flowEvent.causeIndex]!;
    const to = markOf[index]!;
    if (from === to || links.has(from * marks.length + to)) continue;
    links.add(from * marks.length + to);
    const a = marks[from]!;
    const b = marks[to]!;
    const [x1, y1, x2, y2] = [a.x + margin, laneY(a.lane), b.x + margin, laneY(b.lane)];
    if (y1 === y2) {
      // Along one lane: an arc over the line, so the link does not hide in it.
      const lift = Math.min(22, 8 + Math.abs(x2 - x1) / 8);
      path += `M${x1.toFixed(1)},${y1 - 7}C${x1.toFixed(1)},${y1 - lift} ${x2.toFixed(1)},${y2 - lift} ${x2.toFixed(1)},${y2 - 9}`;
    } else {
      const bend = Math.max(12, Math.abs(x2 - x1) / 2);
      path += `M${x1.toFixed(1)},${y1}C${(x1 + bend).toFixed(1)},${y1} ${(x2 - bend).toFixed(1)},${y2} ${(x2 - 7).toFixed(1)},${y2}`;
    }
  }
  if (path) svg.append(svgElement("path", { d: path, class: "event-flow-causes", "marker-end": "url(#event-flow-arrow)" }));
  svg.dataset.causes = String(links.size);

  const group = svgElement("g", { class: "event-flow-marks" });
  // Kind labels go under the lane's line wherever the label before them leaves room (cause arcs use the space
  // over it); else only the tooltip and the details panel name the event.
  const labelEnds = flow.lanes.map(() => -Infinity);
  for (const [index, mark] of marks.entries()) {
    const x = mark.x + margin;
    const y = laneY(mark.lane);
    const g = svgElement("g", { "data-mark": index, "data-lane": mark.lane, class: `event-flow-mark${mark.highlight ? ` is-${mark.highlight}` : ""}`, "data-kind": mark.kind });
    const count = mark.members.length;
    g.append(count > 1 ? svgElement("rect", { x: x - 9, y: y - 9, width: 18, height: 18, rx: 4 }) : svgElement("circle", { cx: x, cy: y, r: 7 }));
    if (count > 1) g.append(svgText(String(count > 99 ? "99+" : count), x, y + 3.5, "event-flow-count"));
    const label = mark.kind + (mark.highlight ? " !" : "");
    const halfWidth = label.length * 2.9;
    if (labelEnds[mark.lane]! < x - halfWidth - 4) {
      g.append(svgText(label, x, y + 20, "event-flow-kind"));
      labelEnds[mark.lane] = x + halfWidth;
    }
    const title = document.createElementNS(svgNs, "title");
    title.textContent = markTitle(flow, mark);
    g.append(title);
    group.append(g);
  }
  svg.append(group);
  scroller.replaceChildren(svg);
  return marks;
}

function axis(flow: Flow, xs: Float64Array, width: number): SVGGElement {
  const group = svgElement("g", { class: "event-flow-axis" });
  group.append(svgElement("line", { x1: 0, x2: width, y1: axisHeight - 6, y2: axisHeight - 6 }));
  let lastX = -Infinity;
  let lastAt = -1;
  for (const [index, flowEvent] of flow.events.entries()) {
    const x = xs[index]! + margin;
    if (flowEvent.at === lastAt || x - lastX < 72) continue;
    group.append(svgElement("line", { x1: x, x2: x, y1: axisHeight - 10, y2: axisHeight - 2 }));
    group.append(svgText(formatOffset(flowEvent.at), x, axisHeight - 13, "event-flow-tick"));
    lastX = x;
    lastAt = flowEvent.at;
  }
  return group;
}

function markTitle(flow: Flow, mark: Mark): string {
  const first = flow.events[mark.members[0]!]!;
  const what = `${first.event.kind}${mark.highlight ? ` (${highlightLabels[mark.highlight]})` : ""}`;
  return mark.members.length > 1
    ? `${mark.members.length} × ${what}, ${formatOffset(first.at)} to ${formatOffset(flow.events[mark.members.at(-1)!]!.at)}`
    : `${what} at ${formatOffset(first.at)}`;
}

function showDetails(panel: HTMLElement, flow: Flow, mark: Mark): void {
  const first = flow.events[mark.members[0]!]!;
  const heading = text("p", markTitle(flow, mark), "event-flow-details-title");
  const list = document.createElement("dl");
  const row = (name: string, value: string) => list.append(text("dt", name), text("dd", value));
  row("Event", `#${first.event.seq} ${first.event.service} ${first.event.kind}`);
  row("Resource", first.event.resource);
  row("Virtual time", formatOffset(first.at));
  if (first.highlight) row("Stands out", highlightLabels[first.highlight]);
  if (first.causeIndex !== undefined) {
    const cause = flow.events[first.causeIndex]!.event;
    row("Caused by", `#${cause.seq} ${cause.kind} on ${resourceName(cause.resource)}`);
  }
  for (const [name, value] of Object.entries(first.event.details)) row(name, formatDetailValue(value));
  const parts: Node[] = [heading, list];
  if (mark.members.length > 1) parts.push(text("p", `The first of ${mark.members.length} similar events; zoom in to see them apart.`, "event-flow-hint"));
  panel.replaceChildren(...parts);
}

function summarise(flow: Flow): string {
  const counts = new Map<string, number>();
  for (const flowEvent of flow.events) if (flowEvent.highlight) counts.set(flowEvent.highlight, (counts.get(flowEvent.highlight) ?? 0) + 1);
  const standing = [...counts].map(([highlight, count]) => `${count} ${highlightLabels[highlight as keyof typeof highlightLabels]}`);
  const span = formatOffset(flow.events.at(-1)!.at).slice(1);
  const dropped = flow.dropped ? ` (${flow.dropped} more were not kept)` : "";
  return `${flow.events.length} events${dropped} on ${flow.lanes.length} ${flow.lanes.length === 1 ? "resource" : "resources"} over ${span} of virtual time${standing.length ? `; stand out: ${standing.join(", ")}` : ""}.`;
}

function legend(): HTMLElement {
  const list = element("ul", "event-flow-legend");
  list.setAttribute("aria-label", "What the colours mean");
  for (const [highlight, label] of Object.entries(highlightLabels)) {
    const item = text("li", label);
    item.className = `is-${highlight}`;
    list.append(item);
  }
  return list;
}

function arrowHead(): SVGDefsElement {
  const defs = document.createElementNS(svgNs, "defs");
  const marker = svgElement("marker", { id: "event-flow-arrow", viewBox: "0 0 10 10", refX: 1, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" });
  marker.append(svgElement("path", { d: "M0,0L10,5L0,10z", class: "event-flow-arrowhead" }));
  defs.append(marker);
  return defs;
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function svgText(content: string, x: number, y: number, className: string): SVGTextElement {
  const node = svgElement("text", { x: x.toFixed(1), y, class: className, "text-anchor": "middle" });
  node.textContent = content;
  return node;
}

function element<K extends keyof HTMLElementTagNameMap>(name: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  node.className = className;
  return node;
}

function text<K extends keyof HTMLElementTagNameMap>(name: K, content: string, className = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

function button(label: string): HTMLButtonElement {
  const node = text("button", label, "eventlab-button");
  node.type = "button";
  return node;
}
