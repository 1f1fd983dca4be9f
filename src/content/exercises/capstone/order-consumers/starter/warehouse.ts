// Provided: the warehouse API and the consumers' own table. A parcel
// that has left the building cannot be recalled, so fulfilling an
// order twice is the bug to avoid.
import { FRAUD_REVIEW_FROM, type Order } from "./shop";

export interface Fulfilment {
  orderId: string;
  /** Shipped at once, or put aside for a person to review (large orders). */
  kind: "shipped" | "held-for-review";
  trackingId: string;
}

export const warehouse = {
  /** Everything the warehouse did, in order. */
  fulfilments: [] as Fulfilment[],
  /** How many times each order was attempted (calls to fulfil). */
  attempts: new Map<string, number>(),
  /** Orders whose next attempt fails once (a flaky API). */
  failNextFor: new Set<string>(),
  /** Orders that always fail (a broken record no retry can fix). */
  broken: new Set<string>(),

  /** Ships the order (or holds it for review) and returns its tracking id. */
  async fulfil(order: Order): Promise<string> {
    warehouse.attempts.set(order.orderId, (warehouse.attempts.get(order.orderId) ?? 0) + 1);
    if (warehouse.broken.has(order.orderId)) throw new Error(`warehouse API: order ${order.orderId} has an unknown SKU`);
    if (warehouse.failNextFor.delete(order.orderId)) throw new Error(`warehouse API timed out on ${order.orderId}`);
    const trackingId = `T${1000 + warehouse.fulfilments.length}`;
    const kind = order.total >= FRAUD_REVIEW_FROM ? "held-for-review" : "shipped";
    warehouse.fulfilments.push({ orderId: order.orderId, kind, trackingId });
    return trackingId;
  },
};

/**
 * The consumers' idempotency table: order id -> "in-progress" or its
 * tracking id. In production this is a database table written with a
 * condition (DynamoDB's attribute_not_exists), never a variable: each
 * Lambda execution environment has its own memory. Here, a check and a
 * write with no await between them are just as atomic.
 */
export const processed = new Map<string, string>();

export function resetWarehouse(): void {
  warehouse.fulfilments.length = 0;
  warehouse.attempts.clear();
  warehouse.failNextFor.clear();
  warehouse.broken.clear();
  processed.clear();
}
