import type { Order, SQSBatchResponse, SQSEvent } from "./shop";
import { processed, warehouse } from "./warehouse";

/**
 * Handler "fulfil-order.handler", fed by the three order queues (an
 * event source mapping each, with ReportBatchItemFailures).
 *
 * A standard queue delivers every message AT LEAST once, and a batch
 * may hold an order that fails. So:
 * - idempotency: an order already in `processed` is skipped (it is
 *   done, or another invocation is doing it right now);
 * - claim the order in `processed` ("in-progress") BEFORE you await
 *   the warehouse, and release it (delete) if the warehouse fails;
 * - partial batch failure: do not throw; report each failed record's
 *   messageId in batchItemFailures, so only those come back.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as Order;
    // TODO 1: skip an order `processed` already has; claim it otherwise.
    // TODO 2: on failure, release the claim and report the record.
    const trackingId = await warehouse.fulfil(order);
    processed.set(order.orderId, trackingId);
  }
  return { batchItemFailures: [] };
}
