import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readExercise } from "../../src/lib/exercises/read-exercise.ts";
import { launchChromium } from "../support/chromium.ts";
import { exerciseOn } from "./exercise-page.ts";

/**
 * Issue 10: mail bodies are learner- and sender-controlled HTML, and SES does not escape template values. Wherever
 * the course shows a mail (a failure message, a test's output, the trace, the event flow's marks, details and
 * table), it must show it as text: a mail carrying `<img src=x onerror=...>` and a `<script>` runs nothing in the
 * page, and the learner can still read the markup.
 */
const siteUrl = inject("siteUrl");
const exerciseId = "ses/order-confirmation";
const exercise = await readExercise(new URL(`../../src/content/exercises/${exerciseId}/`, import.meta.url).pathname, exerciseId);
const solution = exercise.solution.find((file) => file.name === "confirmation.ts")!.source;

const img = `<img src=x onerror="window.__mailXss='img';alert('img')">`;
const script = `<script>window.__mailXss='script';alert('script')</script>`;
// The solution, with the hostile markup in the template's subject and HTML part (unescaped), and the rendered mail
// printed to the test's output.
const hostile = solution
  .replace('Subject: "Your order {{orderId}}",', `Subject: ${JSON.stringify(`Your order {{orderId}} ${img}`)},`)
  .replace('Html: "<p>Hello {{nameHtml}},</p>', `Html: ${JSON.stringify(`${img}${script}`)} + "<p>Hello {{nameHtml}},</p>`)
  .replace(
    "      Content: { Template: { TemplateName: TEMPLATE, TemplateData: JSON.stringify(data) } },\n    }),\n  );",
    "      Content: { Template: { TemplateName: TEMPLATE, TemplateData: JSON.stringify(data) } },\n    }),\n  );\n" +
      '  console.log("sent html:", `' + img + script + '`);',
  );

describe("mail HTML on the page", () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${siteUrl}/ses/templates/`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows a mail with <img onerror> and <script> as text everywhere, and runs none of it", async () => {
    expect(hostile, "the hostile variant must differ from the solution in all three places").not.toBe(solution);
    expect(hostile.split("__mailXss").length - 1, "markup in the subject, the HTML part and the output").toBe(5);
    // given a run whose mails carry the markup (the escape test fails and quotes the mail's HTML)
    const ex = exerciseOn(page, exerciseId);
    await ex.openEditor();
    await ex.paste(hostile);
    await expect(ex.run()).resolves.toBe("fail");

    // when every view of every test is opened: the trace, the event flow with its table, a mark's details
    const tests = await ex.testResults.count();
    for (let index = 0; index < tests; index++) {
      const test = ex.testResults.nth(index);
      await test.locator("details[data-trace] > summary").click();
      const flow = test.locator("details[data-event-flow]");
      await flow.locator("summary").first().click();
      await flow.locator("svg[data-marks]").waitFor();
      await flow.locator(".event-flow-table-block > summary").click();
      await flow.locator(".event-flow-table tbody tr").first().waitFor();
      const send = flow.locator(".event-flow-mark[data-kind='send']");
      if ((await send.count()) > 0) {
        await send.first().click();
        await expect(flow.locator(".event-flow-details").textContent()).resolves.toContain("onerror");
      }
    }

    // then the learner reads the markup as text: in the failure message, the output, and the event details
    const text = (await ex.results.textContent()) ?? "";
    expect(text).toContain(`<img src=x onerror=`);
    expect(text).toContain(`<script>window.__mailXss='script'`);
    await expect(ex.results.locator(".results-output").first().textContent()).resolves.toContain(script);

    // and none of it became an element: no <img src="x">, no script carrying the flag, in the page or its frames
    const elements = await Promise.all(
      page.frames().map((frame) =>
        frame
          .evaluate(() => document.querySelectorAll('img[src="x"]').length + [...document.scripts].filter((s) => s.text.includes("__mailXss")).length)
          .catch(() => 0),
      ),
    );
    expect(elements.reduce((sum, count) => sum + count, 0), "mail markup turned into live elements").toBe(0);

    // a control: the same <img> made live in the page does fire, so the checks below can see it
    await page.evaluate((markup) => {
      const probe = document.createElement("div");
      probe.innerHTML = markup.replace("__mailXss='img';alert('img')", "__controlXss=true");
      document.body.append(probe);
    }, img);
    await page.waitForFunction(() => (window as { __controlXss?: boolean }).__controlXss === true, undefined, { timeout: 5_000 });
    await expect(page.evaluate(() => (window as { __mailXss?: string }).__mailXss)).resolves.toBeUndefined();
    expect(dialogs, "no alert may open").toEqual([]);
  });
});
