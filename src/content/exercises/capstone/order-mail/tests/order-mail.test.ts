import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { deployConsumers } from "./consumers";
import { postOrder } from "./inspect";
import { deployMail } from "./mail";
import { mailed, resetMail, undeliverable } from "./mail-log";
import { deployOrderApi, type OrderApi } from "./order-api";
import { createOrderQueues } from "./routing";
import type { Order } from "./shop";
import { resetWarehouse } from "./warehouse";

let sb: ReturnType<typeof createSandbox>;
let api: OrderApi;

const order = (n: number, email = `customer${n}@example.com`): Order => ({
  orderId: `o-${n}`,
  email,
  delivery: n % 2 === 0 ? "express" : "standard",
  total: n === 3 ? 1250 : 10 * n + 0.5,
  items: [{ sku: `sku-${n}`, quantity: 1 }],
});

beforeEach(async () => {
  // SQS delivers now and then a message twice; gone@example.com has no mailbox (it hard-bounces).
  sb = createSandbox({ seed: 4, faults: { sqs: { duplicates: 0.2 }, ses: { bounce: ["gone@example.com"] } } });
  resetWarehouse();
  resetMail();
  api = await deployOrderApi(sb);
  await deployConsumers(sb, await createOrderQueues(api.topicArn));
  await deployMail(sb, api.topicArn);
});

async function place(...orders: Order[]): Promise<void> {
  for (const o of orders) expect((await postOrder(sb, api.url, o)).status, "the earlier stages accept the order").toBe(202);
  await sb.clock.advance(3 * 60_000);
}

const orders = Array.from({ length: 8 }, (_, i) => order(i + 1));
const duplicates = () => sb.trace.events.filter((event) => event.service === "sqs" && event.kind === "duplicate").length;

describe("confirmation mails", () => {
  it("mails every customer a confirmation from the template, with the order id and total", async () => {
    await place(...orders);
    const unmailed = orders.filter((o) => sb.world.mailbox(o.email).length === 0).map((o) => o.orderId);
    expect(unmailed, "these customers got no mail: send SES v2's SendEmailCommand with Content.Template").toEqual([]);
    const [mail] = sb.world.mailbox("customer3@example.com");
    expect(mail?.subject, "the template's subject, with the order id filled in").toBe("Your order o-3");
    expect(mail?.text, "TemplateData { orderId, total } fills the body; total with two decimals").toContain("o-3 of $1250.00");
  });

  it("mails each customer once per order, although SQS delivered some messages twice", async () => {
    await place(...orders);
    const twice = orders.filter((o) => sb.world.mailbox(o.email).length > 1).map((o) => `${o.email} x${sb.world.mailbox(o.email).length}`);
    expect(twice, `SQS delivered ${duplicates()} extra copies; skip an order \`mailed\` already has, and claim it before awaiting SES`).toEqual([]);
  });

  it("remembers an address that bounced, and does not mail it again", async () => {
    await place(order(1, "gone@example.com"));
    expect([...undeliverable], "SES published the bounce to mail-feedback; handleBounce should record the address").toEqual(["gone@example.com"]);

    await place(order(2, "gone@example.com"));
    const suppressed = sb.trace.events.filter((event) => event.service === "ses" && event.kind === "suppressed");
    expect(suppressed.length, "the second order was mailed to the address that bounced (SES suppressed it): skip addresses in `undeliverable`").toBe(0);
    expect(mailed.get("o-2"), 'mark the skipped order "undeliverable" in the mail log').toBe("undeliverable");
  });
});
