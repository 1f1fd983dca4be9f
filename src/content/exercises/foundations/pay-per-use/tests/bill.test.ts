import { describe, expect, it } from "vitest";
import { alwaysOnMonthlyCost, breakEvenOrdersPerMonth, chooseHosting, serverlessMonthlyCost, sqsRequestsPerOrder } from "./bill";
import { T3_SMALL, type TrafficProfile } from "./pricing";

/** A small shop: 10,000 orders a day, lunchtime peaks of 20 a second, 2 KB events, a 512 MB function taking 200 ms. */
const shop: TrafficProfile = {
  ordersPerMonth: 300_000,
  peakOrdersPerSecond: 20,
  eventKb: 2,
  fn: { memoryMb: 512, durationMs: 200 },
};

// The shop's month, worked by hand: 30,000 GB-s of compute, 900,000 SQS requests.
const COMPUTE_USD = 30_000 * 0.0000166667;
const SHOP_USD = 0.06 + COMPUTE_USD + 0.36;
const TWO_SERVERS_USD = 2 * 0.0208 * 730;

/** Equal up to a millionth, relative: money computed two ways. */
function close(actual: number, expected: number): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= Math.abs(expected) * 1e-6;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

describe("pay per use against always on", () => {
  it("counts the SQS requests of one order, 64 KB at a time", () => {
    expect(sqsRequestsPerOrder(2), "a 2 KB event: 1 send + 1 receive + 1 delete = 3 requests").toBe(3);
    expect(sqsRequestsPerOrder(64), "exactly 64 KB is still one chunk: 3 requests").toBe(3);
    expect(
      sqsRequestsPerOrder(100),
      "a 100 KB event is two 64 KB chunks, billed on the send and on the receive: 2 + 2 + 1 delete = 5 requests",
    ).toBe(5);
  });

  it("bills a month of the shop on Lambda + SQS", () => {
    const bill = serverlessMonthlyCost(shop);
    expect(close(bill.lambdaRequestsUsd, 0.06), `300,000 invocations at $0.20 per million = $0.06; got ${bill.lambdaRequestsUsd}`).toBe(true);
    expect(
      close(bill.lambdaComputeUsd, COMPUTE_USD),
      "each order uses 0.5 GB for 0.2 s = 0.1 GB-s, so 300,000 orders use 30,000 GB-s x $0.0000166667 = $0.50; " +
        `got ${bill.lambdaComputeUsd}`,
    ).toBe(true);
    expect(close(bill.sqsUsd, 0.36), `3 requests per order = 900,000 requests at $0.40 per million = $0.36; got ${bill.sqsUsd}`).toBe(true);
    expect(close(bill.totalUsd, SHOP_USD), `the month costs ${usd(SHOP_USD)} in all; got ${bill.totalUsd}`).toBe(true);
  });

  it("sizes an always-on fleet for the peak, with at least two servers", () => {
    const quiet = alwaysOnMonthlyCost(shop, T3_SMALL);
    expect(
      quiet.instances,
      "one t3.small handles the 20 orders/s peak, but a single server is one failure away from an outage: run 2",
    ).toBe(2);
    expect(
      close(quiet.totalUsd, TWO_SERVERS_USD),
      `2 servers x $0.0208 an hour x 730 hours = ${usd(TWO_SERVERS_USD)} a month, busy or idle; got ${quiet.totalUsd}`,
    ).toBe(true);

    const flashSale = alwaysOnMonthlyCost({ ...shop, peakOrdersPerSecond: 401 }, T3_SMALL);
    expect(
      flashSale.instances,
      "a flash sale peaks at 401 orders/s: at 50 per server that needs 9 servers (8 would take only 400), " +
        "every hour of the month",
    ).toBe(9);
    expect(close(flashSale.totalUsd, 9 * 0.0208 * 730), `9 x $0.0208 x 730 = ${usd(136.656)}; got ${flashSale.totalUsd}`).toBe(true);
  });

  it("finds the monthly orders at which both cost the same", () => {
    const perOrder = SHOP_USD / 300_000;
    const expected = TWO_SERVERS_USD / perOrder;
    const got = breakEvenOrdersPerMonth(shop, T3_SMALL);
    expect(
      close(got, expected),
      `one order costs $${perOrder.toExponential(3)} on Lambda + SQS, so the ${usd(TWO_SERVERS_USD)} of two servers pays ` +
        `for ${Math.round(expected).toLocaleString("en-US")} orders a month; got ${got}`,
    ).toBe(true);
  });

  it("chooses serverless for the shop, servers for heavy steady traffic and for long jobs", () => {
    expect(chooseHosting(shop, T3_SMALL), `the shop costs ${usd(SHOP_USD)} a month serverless against ${usd(TWO_SERVERS_USD)} on servers`).toBe(
      "serverless",
    );
    const steady: TrafficProfile = { ...shop, ordersPerMonth: 50_000_000, peakOrdersPerSecond: 40 };
    expect(
      chooseHosting(steady, T3_SMALL),
      `50 million orders a month, evenly spread, cost ${usd((50_000_000 * SHOP_USD) / 300_000)} serverless ` +
        `against ${usd(TWO_SERVERS_USD)} for two servers that are never idle`,
    ).toBe("always-on");
    const video: TrafficProfile = { ordersPerMonth: 2_000, peakOrdersPerSecond: 1, eventKb: 1, fn: { memoryMb: 2048, durationMs: 20 * 60_000 } };
    expect(
      chooseHosting(video, T3_SMALL),
      "a 20-minute video encoding cannot run on Lambda at any price: a function is stopped after 15 minutes (900 s)",
    ).toBe("always-on");
  });
});
