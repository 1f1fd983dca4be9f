import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { deployConsumers, MAX_RECEIVES } from "./consumers";
import { depthOf, drain, postOrder } from "./inspect";
import { deployOrderApi, type OrderApi } from "./order-api";
import { createOrderQueues, type OrderQueues } from "./routing";
import type { Order } from "./shop";
import { resetWarehouse, warehouse } from "./warehouse";

let sb: ReturnType<typeof createSandbox>;
let api: OrderApi;
let queues: OrderQueues;
let deadLetters: OrderQueues;

const order = (n: number): Order => ({
  orderId: `o-${n}`,
  email: `customer${n}@example.com`,
  delivery: n % 2 === 0 ? "express" : "standard",
  total: n % 5 === 0 ? 1500 : 20 + n,
  items: [{ sku: `sku-${n}`, quantity: 1 }],
});
const orders = Array.from({ length: 15 }, (_, i) => order(i + 1));

beforeEach(async () => {
  // A standard queue as it really behaves: now and then it delivers a message twice.
  sb = createSandbox({ seed: 3, faults: { sqs: { duplicates: 0.2 } } });
  resetWarehouse();
  api = await deployOrderApi(sb);
  queues = await createOrderQueues(api.topicArn);
  deadLetters = await deployConsumers(sb, queues);
});

async function placeAll(list: Order[]): Promise<void> {
  for (const o of list) expect((await postOrder(sb, api.url, o)).status, "stages 1 and 2 accept the order").toBe(202);
  await sb.clock.advance(5 * 60_000);
}

/** Orders fulfilled more than once, as "o-3 x2". */
function fulfilledTwice(): string[] {
  const count = new Map<string, number>();
  for (const f of warehouse.fulfilments) count.set(f.orderId, (count.get(f.orderId) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
}

const notFulfilled = (list: Order[]) => list.filter((o) => !warehouse.fulfilments.some((f) => f.orderId === o.orderId)).map((o) => o.orderId);
const duplicates = () => sb.trace.events.filter((event) => event.service === "sqs" && event.kind === "duplicate").length;

describe("consuming orders", () => {
  it("fulfils every order: the queues are mapped to fulfil-order", async () => {
    await placeAll(orders);
    expect(notFulfilled(orders), "these orders never reached the warehouse: is each queue mapped to the function (CreateEventSourceMapping)?").toEqual([]);
    expect(warehouse.fulfilments.filter((f) => f.kind === "held-for-review").map((f) => f.orderId).sort(), "large orders are held for review").toEqual(["o-10", "o-15", "o-5"]);
  });

  it("fulfils each order once, although SQS delivered some messages twice", async () => {
    await placeAll(orders);
    expect(
      fulfilledTwice(),
      `SQS delivered ${duplicates()} extra copies; skip an order that \`processed\` already has (and claim it before awaiting the warehouse)`,
    ).toEqual([]);
  });

  it("retries a failed order alone: the rest of its batch is not fulfilled again", async () => {
    warehouse.failNextFor.add("o-4");
    await placeAll(orders);
    expect(notFulfilled(orders), "o-4 failed once and should have been retried: release its claim when the warehouse fails").toEqual([]);
    expect(
      fulfilledTwice(),
      "an order failed and its batch-mates were fulfilled again: report only the failed record in batchItemFailures " +
        '(FunctionResponseTypes: ["ReportBatchItemFailures"]) instead of throwing',
    ).toEqual([]);
  });

  it(`moves an order that always fails to its dead-letter queue after ${MAX_RECEIVES} receives`, async () => {
    warehouse.broken.add("o-6"); // express
    await placeAll(orders);
    expect(deadLetters.express, "deployConsumers returns the dead-letter queues' URLs").toMatch(/^https:\/\/sqs\./);
    const parked = (await drain(deadLetters.express)).map((message) => (JSON.parse(message.body) as Order).orderId);
    // Each copy SQS delivered of it fails too, so the DLQ may hold o-6 more than once.
    expect([...new Set(parked)], "o-6 should wait in orders-express-dlq: RedrivePolicy { deadLetterTargetArn, maxReceiveCount }").toEqual(["o-6"]);
    expect(warehouse.attempts.get("o-6"), `tried at least ${MAX_RECEIVES} times before it was moved`).toBeGreaterThanOrEqual(MAX_RECEIVES);
    expect(notFulfilled(orders.filter((o) => o.orderId !== "o-6")), "the broken order does not hold up the others").toEqual([]);
  });

  it("leaves no order behind in the order queues", async () => {
    warehouse.failNextFor.add("o-3");
    await placeAll(orders);
    const left = (await depthOf(queues.express)) + (await depthOf(queues.standard)) + (await depthOf(queues.fraudReview));
    expect(left, "messages still wait in the order queues five minutes later").toBe(0);
  });
});
