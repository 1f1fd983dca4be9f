import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./axe.ts";
import { exerciseOn, openSitePage, readLearnerFile } from "./exercise-page.ts";

const exerciseId = "sqs/dead-letter";
const { starter, solution } = await readLearnerFile(exerciseId);
const poisonTest = "moves a poison message to the DLQ after maxReceiveCount failed receives";

interface Row {
  seq: number;
  resource: string;
  event: string;
  standsOut: string;
  causedBy: string;
}

/** Opens "What happened" under the named test and its table; returns the flow's block and the table's rows. */
async function openFlow(page: Page, testName: string): Promise<{ flow: Locator; rows: Row[] }> {
  const test = exerciseOn(page, exerciseId).testResults.filter({ hasText: testName });
  const flow = test.locator("details[data-event-flow]");
  await flow.locator("summary").first().click();
  await flow.locator("svg[data-marks]").waitFor();
  await flow.locator(".event-flow-table-block > summary").click();
  await flow.locator(".event-flow-table tbody tr").first().waitFor(); // drawn when it opens
  const rows = await flow.locator(".event-flow-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "");
      return { seq: Number(cells[0]), resource: cells[2]!, event: cells[3]!, standsOut: cells[4]!, causedBy: cells[5]! };
    }),
  );
  return { flow, rows };
}

describe("what happened: the event flow of each test, in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openSitePage("/sqs/dead-letter-queues/", { viewport: { width: 1280, height: 1000 } }));
    await exerciseOn(page, exerciseId).openEditor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("after the solution, shows the poison message's receives and then its move to the DLQ, in order, with cause links", async () => {
    // given the reference solution, run
    await expect(exerciseOn(page, exerciseId).runWith(solution)).resolves.toBe("pass");
    // when the learner opens what happened in the poison-message test
    const { flow, rows } = await openFlow(page, poisonTest);
    // then the source queue's lane holds the message's 3 receives, retries marked, then the dead-letter move
    const payments = rows.filter((row) => row.resource === "queue payments").map((row) => row.event.replace("sqs ", ""));
    const messageEvents = payments.filter((kind) => ["receive", "dead-letter", "visibility-expired"].includes(kind));
    expect(messageEvents).toEqual(["receive", "visibility-expired", "receive", "visibility-expired", "receive", "visibility-expired", "dead-letter"]);
    expect(rows.filter((row) => row.event === "sqs receive").map((row) => row.standsOut)).toEqual(["", "retry", "retry"]);
    expect(rows.find((row) => row.event === "sqs dead-letter")?.standsOut).toBe("dead-letter queue");
    // the drawing has a lane per queue, the same kinds in the same order on the source queue's lane
    await expect(flow.locator(".event-flow-lanes li").allTextContents()).resolves.toEqual(["queue payments", "queue payments-dlq"]);
    const drawn = await flow.locator(".event-flow-mark[data-lane='0']").evaluateAll((marks) => marks.map((mark) => mark.getAttribute("data-kind")));
    expect(drawn).toEqual(payments);
    // every receive and the move point back to the send that made the message
    const send = rows.find((row) => row.event === "sqs send")!;
    for (const row of rows.filter((row) => ["sqs receive", "sqs dead-letter"].includes(row.event))) {
      expect(row.causedBy, `#${row.seq} ${row.event} should be linked to its cause`).toMatch(new RegExp(`^#${send.seq} send`));
    }
    await expect(flow.locator("svg").getAttribute("data-causes").then(Number)).resolves.toBeGreaterThan(0);
  });

  it("shows an event's details when its mark is clicked", async () => {
    const flow = exerciseOn(page, exerciseId).testResults.filter({ hasText: poisonTest }).locator("details[data-event-flow]");
    await flow.locator(".event-flow-mark[data-kind='dead-letter']").click();
    const details = flow.locator(".event-flow-details");
    await expect(details.locator("dt").allTextContents()).resolves.toEqual(expect.arrayContaining(["Event", "messageId", "receiveCount"]));
    await expect(details.textContent()).resolves.toContain("dead-letter queue");
  });

  it("lists in the table the same events as the test's trace", async () => {
    const test = exerciseOn(page, exerciseId).testResults.filter({ hasText: poisonTest });
    const traced = Number(await test.locator("details[data-trace]").getAttribute("data-trace"));
    await expect(test.locator(".event-flow-table tbody tr").count()).resolves.toBe(traced);
    await test.locator("details[data-trace] > summary").click();
    // the trace's lines are written when it opens
    await expect.poll(() => test.locator("details[data-trace] pre").textContent()).toMatch(/\S/);
    const lines = ((await test.locator("details[data-trace] pre").textContent()) ?? "").split("\n");
    const kinds = await test.locator(".event-flow-table tbody tr td:nth-child(4)").allTextContents();
    expect(kinds).toEqual(lines.map((line) => line.split(/ {2}/)[1]));
  });

  it("draws charts over virtual time for both queues, with uPlot loaded only on opening", async () => {
    const test = exerciseOn(page, exerciseId).testResults.filter({ hasText: poisonTest });
    const charts = test.locator("details[data-charts]");
    await charts.locator("summary").click();
    await page.waitForSelector(`[data-exercise="${exerciseId}"] details[data-charts="drawn"]`);
    await expect(charts.locator("figure[data-chart]").evaluateAll((figures) => figures.map((figure) => (figure as HTMLElement).dataset.chart))).resolves.toEqual([
      "queue payments",
      "queue payments-dlq",
    ]);
    await expect(charts.locator("figure[data-chart] canvas").count()).resolves.toBe(2);
    await expect(charts.locator('figure[data-chart="queue payments-dlq"] figcaption').textContent()).resolves.toContain("visible up to 1");
  });

  it("shows the bill of the run next to the results: nonzero lines for the service used, and a month at a chosen rate", async () => {
    const bill = exerciseOn(page, exerciseId).results.locator("details[data-bill]");
    await expect(bill.locator("summary").textContent()).resolves.toMatch(/What this run would cost on AWS: \$0\.0+[1-9]/);
    await bill.locator("summary").click();
    const lines = await bill.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
    // the exercise only uses SQS: its requests, counted and priced, with the pricing page linked
    expect(lines.map(([service, item]) => `${service}: ${item}`)).toEqual(["SQS: standard queue requests"]);
    expect(Number(lines[0]![2]!.replace(/,/g, ""))).toBeGreaterThan(10);
    expect(lines[0]![3]).toMatch(/^\$0\.0+[1-9]/);
    await expect(bill.locator("tbody a").getAttribute("href")).resolves.toBe("https://aws.amazon.com/sqs/pricing/");
    // the month's projection follows the rate the learner picks
    const month = bill.locator("output[data-bill-month]");
    const atOwnPace = await month.textContent();
    await bill.locator("select[data-bill-rate]").selectOption({ label: "once a minute" });
    await expect(month.textContent()).resolves.toMatch(/^\$[\d.,]+ \(43,200 runs\)$/);
    expect(await month.textContent()).not.toBe(atOwnPace);
  });

  it("has no serious accessibility issue with the flow, its table, the charts and the bill open", async () => {
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it("after the starter, the failing test's flow shows why nothing moved: retries and expiries, no dead-letter move", async () => {
    // given the starter, which never sets a redrive policy
    await expect(exerciseOn(page, exerciseId).runWith(starter)).resolves.toBe("fail");
    // when the learner opens what happened in the failing poison-message test
    const { flow, rows } = await openFlow(page, poisonTest);
    // then the message is received 6 times, 5 of them retries after an expiry, and never moved
    const receives = rows.filter((row) => row.event === "sqs receive");
    expect(receives.map((row) => row.standsOut)).toEqual(["", "retry", "retry", "retry", "retry", "retry"]);
    expect(rows.filter((row) => row.event === "sqs visibility-expired")).toHaveLength(6);
    expect(rows.some((row) => row.event === "sqs dead-letter")).toBe(false);
    await expect(flow.locator(".event-flow-summary").textContent()).resolves.toMatch(/5 retry/);
  });
});
