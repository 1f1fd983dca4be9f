// The warehouse API and the shipper's own table. A parcel that
// has left the building cannot be recalled, so shipping an order
// twice is the bug to avoid.

export interface Order {
  orderId: string;
  address: string;
}

/** The event the shop publishes when a customer buys something. */
export interface OrderPlaced {
  type: "OrderPlaced";
  order: Order;
}

export interface Parcel {
  orderId: string;
  trackingId: string;
}

export const warehouse = {
  /** Every parcel that left the building, in order. */
  parcels: [] as Parcel[],
  /** Orders whose next shipment request fails once (a flaky API). */
  failNextFor: new Set<string>(),

  /** Sends a parcel for the order and returns its tracking id. */
  async ship(order: Order): Promise<string> {
    if (warehouse.failNextFor.delete(order.orderId)) {
      throw new Error(`warehouse API timed out shipping ${order.orderId}`);
    }
    const trackingId = `T${1000 + warehouse.parcels.length}`;
    warehouse.parcels.push({ orderId: order.orderId, trackingId });
    return trackingId;
  },
};

/**
 * The shipper's table: order id -> tracking id. In production
 * this is a database (DynamoDB, Postgres...), never a variable in
 * the function: Lambda may run each invocation in a different
 * execution environment, and a new one starts with empty memory.
 */
export const shipments = new Map<string, string>();

export function resetWarehouse(): void {
  warehouse.parcels.length = 0;
  warehouse.failNextFor.clear();
  shipments.clear();
}
