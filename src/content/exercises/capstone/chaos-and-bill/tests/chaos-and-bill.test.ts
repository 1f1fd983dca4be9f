import { beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { FULFIL_FUNCTION } from "./consumers";
import { auditRun, type RunAudit } from "./audit";
import { depthOf, postOrder } from "./inspect";
import { runReport, type RunReport } from "./run-report";
import type { Order } from "./shop";
import { deployShop, type ShopStack } from "./shop-stack";
import { warehouse } from "./warehouse";

const BOUNCING = "gone@example.com";
let sb: ReturnType<typeof createSandbox>;
let stack: ShopStack;
let accepted: Order[];
let report: RunReport;
let expected: { costPer1000OrdersUsd: number; deadLetterDepth: number; fulfilErrors: number };
let audit: RunAudit;

const order = (n: number): Order => ({
  orderId: `o-${n}`,
  email: n % 9 === 0 ? BOUNCING : `customer${n}@example.com`,
  delivery: n % 2 === 0 ? "express" : "standard",
  total: n % 7 === 0 ? 1400 : 15 + n,
  items: [{ sku: `sku-${n}`, quantity: 1 + (n % 3) }],
});

beforeAll(async () => {
  // Chaos: duplicate deliveries, a consumer that fails 10% of the time, a throttled mailer, a bouncing address.
  sb = createSandbox({
    seed: 5,
    faults: {
      sqs: { duplicates: 0.1 },
      lambda: { errorRate: { [FULFIL_FUNCTION]: 0.1 }, throttle: { "confirm-order": 0.1 } },
      ses: { bounce: [BOUNCING] },
    },
  });
  stack = await deployShop(sb);
  warehouse.broken.add("o-13"); // an order no retry can fix
  accepted = [];
  for (let n = 1; n <= 30; n++) {
    const response = await postOrder(sb, stack.api.url, order(n));
    if (response.status === 202) accepted.push(order(n));
  }
  await postOrder(sb, stack.api.url, { orderId: "bad", email: "nobody" }); // refused: 400
  await sb.clock.advance(10 * 60_000);

  // The run's bill, service by service (sandboxBill adds up the same), read before the report's own SQS calls.
  const billUsd = sb.apigateway.bill().totalUsd + sb.lambda.bill().totalUsd + sb.sns.bill().totalUsd + sb.sqs.bill().totalUsd + sb.ses.bill().totalUsd;
  report = await runReport(sb, stack, accepted.length);
  const deadLetterQueues = [stack.deadLetters.express, stack.deadLetters.standard, stack.deadLetters.fraudReview, stack.mail.deadLetters];
  let deadLetterDepth = 0;
  for (const queueUrl of deadLetterQueues) deadLetterDepth += await depthOf(queueUrl);
  const fulfilErrors = sb.trace.events.filter(
    (event) => event.service === "lambda" && event.kind === "invoke-end" && event.resource.endsWith(`:${FULFIL_FUNCTION}`) && event.details.status === "error",
  ).length;
  expected = { costPer1000OrdersUsd: (billUsd / accepted.length) * 1000, deadLetterDepth, fulfilErrors };
  audit = await auditRun(sb, stack, accepted, [BOUNCING]);
});

describe("chaos: the shop under faults", () => {
  it("loses no order: each accepted order is fulfilled or waits in a dead-letter queue", () => {
    expect(accepted.length, "the API accepted the 30 valid orders").toBe(30);
    expect(audit.lost).toEqual([]);
    expect(audit.fulfilledTwice, "no order is fulfilled twice").toEqual([]);
  });

  it("mails no customer twice for one order, and confirms every order it can", () => {
    expect(audit.mailedTwice).toEqual([]);
    expect(audit.unconfirmed).toEqual([]);
  });
});

describe("the run's report", () => {
  it("answers the cost per 1,000 orders from the run's bill", () => {
    expect(report.costPer1000OrdersUsd, "the run's bill (sandboxBill(sb).totalUsd: all five services) / accepted orders x 1,000").toBeGreaterThan(0);
    // Within 1%: reading the queues for the report is a few SQS requests more on the bill.
    expect(Math.abs(report.costPer1000OrdersUsd - expected.costPer1000OrdersUsd), `expected about $${expected.costPer1000OrdersUsd.toFixed(4)}`).toBeLessThan(
      expected.costPer1000OrdersUsd / 100,
    );
  });

  it("answers how many messages wait in the dead-letter queues after the run", () => {
    expect(expected.deadLetterDepth, "o-13 can never be fulfilled, so at least it waits in a DLQ").toBeGreaterThan(0);
    expect(report.deadLetterDepth, "ApproximateNumberOfMessages of the three order DLQs and the mail DLQ, added up").toBe(expected.deadLetterDepth);
  });

  it("answers how often fulfil-order failed, from its metrics", () => {
    expect(report.fulfilErrors, "sb.lambda.metrics(FULFIL_FUNCTION).Errors: the injected failures and the broken order's").toBe(expected.fulfilErrors);
  });
});
