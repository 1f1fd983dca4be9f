// The warehouse system the function books shipments in. A fake
// that the tests can inspect and break. Read-only.

export interface Shipment {
  orderId: string;
  priority: string;
}

export const warehouse = {
  shipments: [] as Shipment[],
  /** The next this many calls fail, as during an outage. */
  failuresLeft: 0,
  async book(shipment: Shipment): Promise<void> {
    if (warehouse.failuresLeft > 0) {
      warehouse.failuresLeft--;
      throw new Error("warehouse API unavailable (HTTP 503)");
    }
    warehouse.shipments.push(shipment);
  },
  reset(): void {
    warehouse.shipments.length = 0;
    warehouse.failuresLeft = 0;
  },
};
