// The orders the shop knows, as the function's data store. Read-only.

export interface Order {
  id: string;
  customer: string;
  items: { sku: string; quantity: number }[];
  totalCents: number;
}

const orders = new Map<string, Order>([
  ["o-1", { id: "o-1", customer: "ada@example.com", items: [{ sku: "book-42", quantity: 1 }], totalCents: 2500 }],
  ["o-2", { id: "o-2", customer: "grace@example.com", items: [{ sku: "mug-7", quantity: 2 }], totalCents: 1800 }],
]);

export function findOrder(id: string): Order | undefined {
  return orders.get(id);
}
