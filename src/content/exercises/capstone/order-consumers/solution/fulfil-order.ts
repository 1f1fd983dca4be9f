import type { Order, SQSBatchResponse, SQSEvent } from "./shop";
import { processed, warehouse } from "./warehouse";

/** Handler "fulfil-order.handler": fulfils each order once, reports only the failed records. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as Order;
    // The order id is the idempotency key: a duplicate delivery and a client's retried POST both carry it.
    if (processed.has(order.orderId)) continue;
    // Claim before the first await, so a second copy in another invocation skips it (a conditional write).
    processed.set(order.orderId, "in-progress");
    try {
      processed.set(order.orderId, await warehouse.fulfil(order));
    } catch {
      processed.delete(order.orderId); // the retry must be free to do it
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
