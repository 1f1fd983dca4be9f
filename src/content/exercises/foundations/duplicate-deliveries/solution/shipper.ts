import { shipments, warehouse, type OrderPlaced } from "./warehouse";

export interface SQSEvent {
  Records: { messageId: string; body: string }[];
}

export async function handler(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const { order } = JSON.parse(record.body) as OrderPlaced;
    // The idempotency key is the order id, from the event itself: a
    // redelivered message and a producer's second send both carry it,
    // while their MessageIds may differ.
    if (shipments.has(order.orderId)) continue;
    // If ship() throws, nothing is recorded and the retry ships it.
    const trackingId = await warehouse.ship(order);
    shipments.set(order.orderId, trackingId);
  }
}
