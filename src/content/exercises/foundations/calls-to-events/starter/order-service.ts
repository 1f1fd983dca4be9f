import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
import { billing, email, stock, type Order } from "./shop";

const sqs = new SQSClient({});

/**
 * Called when a customer presses "Buy". Today it calls billing,
 * stock and email in turn and waits for each: 3 s for the
 * customer, and when any of them is down the customer gets an
 * error, although the card may already have been charged.
 *
 * `queueUrls` are the queues of the services that want to hear
 * about new orders (billing, stock and email, one queue each).
 * Lambda functions already consume them (see consumers.ts).
 */
export async function placeOrder(order: Order, queueUrls: readonly string[]): Promise<void> {
  // TODO: instead of calling the services, describe what happened
  //   as an event, { type: "OrderPlaced", order }, and send it as
  //   JSON (SendMessageCommand) to every queue in queueUrls. Then
  //   return: the consumers do the work when they can.
  await billing.handle(order);
  await stock.handle(order);
  await email.handle(order);
}
