// The payment provider. Charging a card cannot be undone, so
// charging the same order twice is the bug to avoid.

export class PaymentDeclined extends Error {
  override name = "PaymentDeclined";
}

/** An order as the shop puts it on the queue (the message body). */
export interface Order {
  orderId: string;
  amountCents: number;
  card: string;
}

export const payments = {
  /** Order ids charged so far, one entry per charge. */
  charges: [] as string[],
  /** Orders whose next charge fails once (a flaky provider). */
  failOnce: new Set<string>(),

  async charge(order: Order): Promise<void> {
    if (order.card === "expired") throw new PaymentDeclined(`card expired for ${order.orderId}`);
    if (payments.failOnce.delete(order.orderId)) {
      throw new PaymentDeclined(`provider timeout for ${order.orderId}`);
    }
    payments.charges.push(order.orderId);
  },
};

export function resetPayments(): void {
  payments.charges.length = 0;
  payments.failOnce.clear();
}
