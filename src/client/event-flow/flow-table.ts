import { describeDetails, formatOffset, highlightLabels, resourceName, type Flow } from "./flow-model.ts";

/** Rows added at a time: a trace of thousands of events stays quick to open. */
const pageSize = 250;

/**
 * The event flow as a table, for keyboard and screen-reader users (and anyone who wants to read it in order): one
 * row per event with its virtual time, resource, kind, what stands out, its cause and its details.
 */
export function renderFlowTable(container: HTMLElement, flow: Flow): void {
  container.dataset.drawn = "";
  const table = document.createElement("table");
  table.className = "event-flow-table";
  const caption = document.createElement("caption");
  caption.textContent = "Every event of this test, in order";
  const head = document.createElement("thead");
  const headings = ["#", "Virtual time", "Resource", "Event", "Stands out", "Caused by", "Details"];
  const headRow = document.createElement("tr");
  for (const heading of headings) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = heading;
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  table.append(caption, head, body);

  const more = document.createElement("button");
  more.type = "button";
  more.className = "eventlab-button event-flow-more";
  let shown = 0;
  const showMore = () => {
    const end = Math.min(flow.events.length, shown + pageSize);
    for (let index = shown; index < end; index++) body.append(row(flow, index));
    shown = end;
    more.hidden = shown >= flow.events.length;
    more.textContent = `Show ${Math.min(pageSize, flow.events.length - shown)} more of ${flow.events.length - shown} left`;
  };
  more.addEventListener("click", showMore);
  showMore();
  const scroller = document.createElement("div");
  scroller.className = "event-flow-table-scroller";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", "Events table");
  scroller.append(table);
  container.append(scroller, more);
}

function row(flow: Flow, index: number): HTMLTableRowElement {
  const flowEvent = flow.events[index]!;
  const { event } = flowEvent;
  const cause = flowEvent.causeIndex === undefined ? undefined : flow.events[flowEvent.causeIndex]!.event;
  const tr = document.createElement("tr");
  tr.dataset.seq = String(event.seq);
  if (flowEvent.highlight) tr.dataset.highlight = flowEvent.highlight;
  const cells = [
    String(event.seq),
    formatOffset(flowEvent.at),
    flow.lanes[flowEvent.lane]!.label,
    `${event.service} ${event.kind}`,
    flowEvent.highlight ? highlightLabels[flowEvent.highlight] : "",
    cause ? `#${cause.seq} ${cause.kind} (${resourceName(cause.resource)})` : "",
    describeDetails(event),
  ];
  for (const content of cells) {
    const cell = document.createElement("td");
    cell.textContent = content;
    tr.append(cell);
  }
  return tr;
}
