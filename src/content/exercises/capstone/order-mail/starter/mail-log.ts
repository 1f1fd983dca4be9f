// Provided: the mail side's own records, read and written by your
// handlers in confirm-order.ts.

export const SENDER = "orders@shop.example.com";
export const TEMPLATE = "order-confirmation";

/**
 * The mail log: order id -> "in-progress", the SES MessageId, or "undeliverable". In production a table written
 * with a condition, like `processed` in warehouse.ts.
 */
export const mailed = new Map<string, string>();
/** Addresses that hard-bounced (lower case): mailing them again only hurts the sender's reputation. */
export const undeliverable = new Set<string>();

export function resetMail(): void {
  mailed.clear();
  undeliverable.clear();
}
