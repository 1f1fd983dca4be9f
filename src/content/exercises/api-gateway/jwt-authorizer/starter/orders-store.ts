// The shop's orders, by customer (the sub claim of the customer's token). Read-only.

export interface Order {
  id: string;
  customer: string;
  item: string;
}

const orders: Order[] = [];

export const ordersStore = {
  of: (customer: string): Order[] => orders.filter((order) => order.customer === customer),
  add(order: Order): void {
    orders.push(order);
  },
  reset(): void {
    orders.length = 0;
    orders.push({ id: "o-1", customer: "ada", item: "lamp" }, { id: "o-2", customer: "grace", item: "mug" });
  },
};
ordersStore.reset();
