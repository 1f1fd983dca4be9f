import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";
// The capstone's reference pipeline: stage 5's files are the solutions of stages 1-4 plus its scaffolding.
import { auditRun } from "../../src/content/exercises/capstone/chaos-and-bill/starter/audit.ts";
import { FULFIL_FUNCTION } from "../../src/content/exercises/capstone/chaos-and-bill/starter/consumers.ts";
import { postOrder } from "../../src/content/exercises/capstone/chaos-and-bill/starter/inspect.ts";
import { MAIL_FUNCTION } from "../../src/content/exercises/capstone/chaos-and-bill/starter/mail.ts";
import type { Order } from "../../src/content/exercises/capstone/chaos-and-bill/starter/shop.ts";
import { deployShop, type ShopStack } from "../../src/content/exercises/capstone/chaos-and-bill/starter/shop-stack.ts";
import { warehouse } from "../../src/content/exercises/capstone/chaos-and-bill/starter/warehouse.ts";

/**
 * Issue 12: over at least 1,000 random order streams with faults on, the whole capstone pipeline (API -> place-order
 * -> SNS -> filtered queues -> fulfil-order / confirm-order -> warehouse / SES) processes every accepted order exactly
 * once in effect or leaves it in a dead-letter queue, and never mails a customer twice for one order.
 *
 * Deploying the shop is most of a run's cost, so each seeded sandbox (its own seed and fault rates) takes
 * STREAMS_PER_SHOP streams one after the other, each with its own order ids, each audited on its own once the
 * queues are quiet: 100 shops x 10 streams.
 */
const SHOPS = 100;
const STREAMS_PER_SHOP = 10;
const BOUNCING = "gone@example.com";
const customers = ["ann@example.com", "bo@example.com", "cy@example.com", BOUNCING];

const orderArb = fc.record({
  n: fc.integer({ min: 1, max: 9 }),
  email: fc.constantFrom(...customers, "not-an-address"),
  delivery: fc.constantFrom("express" as const, "standard" as const),
  total: fc.constantFrom(5, 49.99, 999.99, 1000, 2500),
  /** Posted twice: the client's retry after a timeout, same order id. */
  retried: fc.boolean(),
});

/** One stream: distinct order ids (a retry reposts the same order), some invalid. */
const streamArb = fc.uniqueArray(orderArb, { selector: (entry) => entry.n, minLength: 1, maxLength: 6 });
const rate = fc.constantFrom(0, 0.1, 0.3);
const shopArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  duplicates: rate,
  fulfilErrors: rate,
  mailThrottles: rate,
  /** Order numbers the warehouse can never fulfil. */
  broken: fc.subarray([1, 2, 3]),
  streams: fc.array(streamArb, { minLength: STREAMS_PER_SHOP, maxLength: STREAMS_PER_SHOP }),
});

/** Advances virtual time until no message waits or is in flight in the order and mail queues (at most 8 minutes). */
async function settle(sb: Sandbox, stack: ShopStack): Promise<void> {
  const queues = [stack.queues.express, stack.queues.standard, stack.queues.fraudReview, stack.mail.queue];
  const busy = () =>
    queues.some((QueueUrl) => {
      const outcome = sb.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] });
      const attributes = outcome.ok ? (outcome.value.Attributes ?? {}) : {};
      return Number(attributes.ApproximateNumberOfMessages) + Number(attributes.ApproximateNumberOfMessagesNotVisible) > 0;
    });
  for (let step = 0; step < 16 && busy(); step++) await sb.clock.advance(30_000);
  await sb.clock.advance(30_000); // the last bounce notifications and dead-letter moves
}

describe("the capstone pipeline under faults", () => {
  it(`processes every accepted order once in effect or parks it in a DLQ, and mails no customer twice (${SHOPS * STREAMS_PER_SHOP} streams)`, async () => {
    let streams = 0;
    await fc.assert(
      fc.asyncProperty(shopArb, async (shop) => {
        const sb = createSandbox({
          seed: shop.seed,
          faults: {
            sqs: { duplicates: shop.duplicates },
            lambda: { errorRate: { [FULFIL_FUNCTION]: shop.fulfilErrors }, throttle: { [MAIL_FUNCTION]: shop.mailThrottles } },
            ses: { bounce: [BOUNCING] },
          },
        });
        const stack = await deployShop(sb);
        for (const [index, stream] of shop.streams.entries()) {
          const orders = stream.map(({ n, email, delivery, total }): Order => ({ orderId: `s${index}-o${n}`, email, delivery, total, items: [{ sku: `sku-${n}`, quantity: 1 }] }));
          for (const n of shop.broken) warehouse.broken.add(`s${index}-o${n}`);
          const accepted: Order[] = [];
          for (const [i, order] of orders.entries()) {
            for (let attempt = stream[i]!.retried ? 2 : 1; attempt > 0; attempt--) {
              const { status } = await postOrder(sb, stack.api.url, order);
              expect(status, `${order.orderId} from ${order.email}`).toBe(order.email === "not-an-address" ? 400 : 202);
            }
            if (order.email !== "not-an-address") accepted.push(order);
          }
          await settle(sb, stack);

          const audit = await auditRun(sb, stack, accepted, [BOUNCING]);
          expect(audit.lost, "accepted orders neither fulfilled nor in a DLQ").toEqual([]);
          expect(audit.fulfilledTwice, "orders fulfilled twice").toEqual([]);
          expect(audit.mailedTwice, "orders confirmed twice").toEqual([]);
          expect(audit.unconfirmed, "accepted orders with no mail, no bounce and no place in the mail DLQ").toEqual([]);
          for (const customer of customers) {
            const subjects = sb.world.mailbox(customer).map((mail) => mail.subject);
            expect(new Set(subjects).size, `${customer} got the same confirmation twice`).toBe(subjects.length);
          }
          streams++;
        }
      }),
      { numRuns: SHOPS },
    );
    expect(streams).toBeGreaterThanOrEqual(1000);
  }, 600_000);
});
