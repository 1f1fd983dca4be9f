import { shipments, warehouse, type OrderPlaced } from "./warehouse";

/** The event Lambda passes for a batch of SQS messages (as in @types/aws-lambda). */
export interface SQSEvent {
  Records: { messageId: string; body: string }[];
}

/**
 * Handler "shipper.handler". Lambda calls it with batches of
 * OrderPlaced events from a standard queue, which delivers every
 * message AT LEAST once: now and then, the same event twice. And
 * when the handler throws, Lambda hands the whole batch over again
 * after the visibility timeout, including the orders it already
 * shipped.
 *
 * Make it idempotent: one parcel per order, however many times an
 * event arrives.
 */
export async function handler(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const { order } = JSON.parse(record.body) as OrderPlaced;
    // TODO 1: if the shipments table already has order.orderId,
    //   this order was shipped before: skip it (continue). Do not
    //   throw: a duplicate is not an error.
    const trackingId = await warehouse.ship(order);
    // TODO 2: record the shipment in the table, order id ->
    //   tracking id. Only here, after ship() succeeded: an order
    //   recorded before shipping would never be retried.
  }
}
