import type { LambdaContext } from "sandbox-engine";

/** The event a shop sends when an order is placed. */
export interface OrderPlaced {
  orderId: string;
  items: { sku: string; quantity: number; unitPrice: number }[];
}

/** What the function answers. */
export interface OrderSummary {
  orderId: string;
  itemCount: number;
  total: number;
  requestId: string;
  handledBy: string;
}

// The function is configured with Handler "handler.handler":
// Lambda loads the file handler.js and calls its export named
// "handler" with (event, context).
//
// TODO 1: Lambda cannot find this function: export it under the
//   name the Handler setting asks for.
export async function main(event: OrderPlaced, context: LambdaContext): Promise<OrderSummary> {
  // TODO 2: if the order has no items, throw an Error whose
  //   message contains "no items" (the caller sees it).
  // TODO 3: itemCount = sum of quantities,
  //   total = sum of quantity * unitPrice.
  // TODO 4: log one line with the order id and its total, e.g.
  //   console.log(`order ${event.orderId}: total ${total}`).
  // TODO 5: requestId and handledBy come from the context.
  return { orderId: event.orderId, itemCount: 0, total: 0, requestId: "", handledBy: "" };
}
