import type { LambdaContext } from "sandbox-engine";

export interface OrderPlaced {
  orderId: string;
  items: { sku: string; quantity: number; unitPrice: number }[];
}

export interface OrderSummary {
  orderId: string;
  itemCount: number;
  total: number;
  requestId: string;
  handledBy: string;
}

// Handler setting "handler.handler": file handler.js, export "handler".
export async function handler(event: OrderPlaced, context: LambdaContext): Promise<OrderSummary> {
  if (!Array.isArray(event.items) || event.items.length === 0) {
    // A thrown error ends the invocation as a function error.
    throw new Error(`order ${event.orderId} has no items`);
  }
  let itemCount = 0;
  let total = 0;
  for (const item of event.items) {
    itemCount += item.quantity;
    total += item.quantity * item.unitPrice;
  }
  console.log(`order ${event.orderId}: total ${total}`);
  return {
    orderId: event.orderId,
    itemCount,
    total,
    requestId: context.awsRequestId,
    handledBy: context.functionName,
  };
}
