import type { RunBill } from "sandbox-engine/runner";

/** Seconds in the 30-day month the projection uses. */
const MONTH_SECONDS = 30 * 24 * 60 * 60;

/** How often the learner imagines this run happening: runs per 30-day month. */
interface Rate {
  label: string;
  runsPerMonth: number;
}

const fixedRates: readonly Rate[] = [
  { label: "once a second", runsPerMonth: MONTH_SECONDS },
  { label: "once a minute", runsPerMonth: MONTH_SECONDS / 60 },
  { label: "once an hour", runsPerMonth: MONTH_SECONDS / 3600 },
  { label: "1,000 times a day", runsPerMonth: 30 * 1000 },
];

/**
 * "What this run would cost on AWS": the run's itemised bill (every line with a quantity, its price's page linked),
 * its total, and a projection to a 30-day month at a rate the learner picks: the run's own pace on the virtual
 * clock (its cost per virtual second, kept up for 30 days), or the whole run repeated once a second, a minute...
 */
export function billBlock(bill: RunBill): HTMLElement {
  const details = document.createElement("details");
  details.className = "results-bill";
  details.dataset.bill = "";
  const summary = document.createElement("summary");
  summary.textContent = `What this run would cost on AWS: ${formatUsd(bill.totalUsd)}`;
  details.append(summary);
  if (!bill.lines.length) {
    details.append(text("p", "Nothing billable happened: no request reached a simulated service."));
    return details;
  }
  details.append(billTable(bill), projection(bill), note());
  return details;
}

function billTable(bill: RunBill): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "results-bill-table";
  const caption = text("caption", "Itemised at AWS list prices (us-east-1, no free tier)");
  const head = document.createElement("thead");
  head.append(row(["Service", "Item", "Quantity", "Cost"], "th"));
  const body = document.createElement("tbody");
  for (const line of bill.lines) {
    const cells = row([line.service, line.item, formatQuantity(line.quantity), formatUsd(line.costUsd)], "td");
    cells.dataset.billLine = line.service;
    // The link's visible text names the service, so it reads well out of context (a screen reader's list of links).
    const price = document.createElement("a");
    price.href = line.source;
    price.textContent = `${line.service} pricing`;
    cells.lastElementChild!.append(" (", price, ")");
    body.append(cells);
  }
  const foot = document.createElement("tfoot");
  foot.append(row(["Total", "", "", formatUsd(bill.totalUsd)], "td"));
  table.append(caption, head, body, foot);
  return table;
}

function projection(bill: RunBill): HTMLElement {
  const rates: Rate[] = [...fixedRates];
  if (bill.virtualSeconds > 0) {
    rates.unshift({ label: `at this run's own pace (${formatQuantity(bill.virtualSeconds)} s of virtual time)`, runsPerMonth: MONTH_SECONDS / bill.virtualSeconds });
  }
  const wrapper = document.createElement("p");
  wrapper.className = "results-bill-month";
  const select = document.createElement("select");
  select.dataset.billRate = "";
  const id = `bill-rate-${++selectCount}`;
  select.id = id;
  rates.forEach((rate, index) => select.append(new Option(rate.label, String(index))));
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = "Per month (30 days), if this run happens ";
  const output = document.createElement("output");
  output.htmlFor.add(id);
  output.dataset.billMonth = "";
  const show = () => {
    const rate = rates[Number(select.value)] ?? rates[0]!;
    output.textContent = `${formatUsd(bill.totalUsd * rate.runsPerMonth)} (${formatQuantity(Math.round(rate.runsPerMonth))} runs)`;
  };
  select.addEventListener("change", show);
  show();
  wrapper.append(label, select, ": ", output);
  return wrapper;
}

let selectCount = 0;

function note(): HTMLElement {
  return text(
    "p",
    "Counted by the simulator from what the run did: every SQS and SNS API call, each message 64 KB at a time, Lambda requests and GB-seconds, SES mails, API requests. Free tiers, data transfer and storage are left out.",
  );
}

function row(cells: readonly string[], tag: "th" | "td"): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const element = text(tag, cell);
    if (tag === "th") element.setAttribute("scope", "col");
    tr.append(element);
  }
  return tr;
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, content: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

/** Dollars with two significant digits below a cent ("$0.0000024"), cents above. */
export function formatUsd(value: number): string {
  if (value === 0) return "$0";
  if (value >= 0.01) return `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${value.toFixed(Math.min(20, 1 - Math.floor(Math.log10(value))))}`;
}

function formatQuantity(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: Number.isInteger(value) ? 0 : 3 });
}
