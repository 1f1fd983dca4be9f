// The payment provider the function charges. A fake the tests can break. Read-only.

export class PaymentsUnavailable extends Error {
  override name = "PaymentsUnavailable";
}

export const payments = {
  down: false,
  charged: [] as { orderId: string; amountCents: number }[],
  async charge(orderId: string, amountCents: number): Promise<void> {
    if (payments.down) throw new PaymentsUnavailable("the payment provider is unavailable");
    payments.charged.push({ orderId, amountCents });
  },
  reset(): void {
    payments.down = false;
    payments.charged.length = 0;
  },
};
