import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateEventSourceMappingCommand, LambdaClient } from "@aws-sdk/client-lambda";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { placeOrder } from "./order-service";
import { billingHandler, emailHandler, stockHandler } from "./consumers";
import { billing, email, resetShop, stock, type Order } from "./shop";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let lambda: LambdaClient;
/** billing-orders, stock-orders, email-orders: each feeds its service's function. */
let queueUrls: string[];

async function createQueue(name: string): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return { url, arn: Attributes!.QueueArn! };
}

beforeEach(async () => {
  sb = createSandbox({ seed: 12 });
  sqs = new SQSClient({});
  lambda = new LambdaClient({});
  resetShop();
  queueUrls = [];
  const consumers = [
    ["billing", billingHandler],
    ["stock", stockHandler],
    ["email", emailHandler],
  ] as const;
  for (const [name, handler] of consumers) {
    const queue = await createQueue(`${name}-orders`);
    sb.lambda.createFunction({ FunctionName: `${name}-consumer`, Handler: "consumers.handler", Timeout: 5, handler: handler as never });
    await lambda.send(
      new CreateEventSourceMappingCommand({ EventSourceArn: queue.arn, FunctionName: `${name}-consumer`, BatchSize: 1 }),
    );
    queueUrls.push(queue.url);
  }
  await sb.clock.advance(1_000); // the event source mappings take a second to become Enabled
});

const order = (n: number): Order => ({ orderId: `o-${n}`, customer: `customer-${n}@example.com`, totalCents: 1000 + n });

/** Places orders, collecting the errors a customer would have seen instead of throwing. */
async function placeOrders(orders: Order[]): Promise<string[]> {
  const errors: string[] = [];
  for (const o of orders) {
    try {
      await placeOrder(o, queueUrls);
    } catch (error) {
      errors.push(`${o.orderId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}

/** Messages waiting or in flight in a queue. */
async function depth(url: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

const sorted = (ids: string[]) => [...ids].sort();

describe("from calls to events", () => {
  it("sends one OrderPlaced event to each interested queue", async () => {
    // Queues no consumer reads, so the test can look at what arrived.
    const probes = [await createQueue("probe-a"), await createQueue("probe-b"), await createQueue("probe-c")];

    await placeOrder(order(1), probes.map((probe) => probe.url));

    for (const probe of probes) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: probe.url, MaxNumberOfMessages: 10 }));
      expect(
        Messages.length,
        `queue ${probe.url.split("/").pop()} received ${Messages.length} messages for one order` +
          (billing.handled.length > 0 ? ": placeOrder still calls the services directly instead of sending the event" : ""),
      ).toBe(1);
      expect(
        JSON.parse(Messages[0]!.Body!),
        "the message body is the event as JSON: { type: 'OrderPlaced', order }",
      ).toEqual({ type: "OrderPlaced", order: order(1) });
    }
  });

  it("answers the customer at once, and the services still get the order", async () => {
    const start = sb.clock.now();
    await placeOrder(order(1), queueUrls);
    const waited = sb.clock.now() - start;

    expect(
      waited,
      `the customer waited ${(waited / 1000).toFixed(1)} s for "Buy": placeOrder waited for billing, stock and ` +
        "email in turn (1 s each). Sending three events takes no time the customer notices",
    ).toBeLessThan(1_000);
    await sb.clock.advance(5_000);
    for (const service of [billing, stock, email]) {
      expect(service.handled, `the ${service.name} function picked the order up from its queue`).toEqual(["o-1"]);
    }
  });

  it("keeps taking orders while the email service is down", async () => {
    email.down = true;

    const errors = await placeOrders([order(1), order(2), order(3)]);
    await sb.clock.advance(10_000);

    expect(
      errors,
      "customers got an error because the email service was down, although nothing was wrong with their " +
        "orders (and billing had already charged them): the order service should not depend on email being up",
    ).toEqual([]);
    expect(sorted(billing.handled), "billing went on charging during the email outage").toEqual(["o-1", "o-2", "o-3"]);
    expect(sorted(stock.handled), "stock went on reserving during the email outage").toEqual(["o-1", "o-2", "o-3"]);
  });

  it("loses no order: after a 5-minute email outage every order is confirmed, once", async () => {
    email.down = true;
    await placeOrders([order(1), order(2), order(3)]);
    await sb.clock.advance(5 * 60_000);
    expect(email.handled, "no confirmation can go out while the email service is down").toEqual([]);

    email.down = false;
    await sb.clock.advance(60_000); // each waiting event comes back within one 30 s visibility timeout

    expect(
      sorted(email.handled),
      `the email service confirmed ${email.handled.length} of the 3 orders placed during its outage. ` +
        (email.handled.length === 0
          ? "With direct calls, the orders were lost with the error the customer saw; as events in the " +
            "email queue, they would have waited for the service to come back"
          : ""),
    ).toEqual(["o-1", "o-2", "o-3"]);
    expect(sorted(billing.handled), "and each order was charged exactly once").toEqual(["o-1", "o-2", "o-3"]);
    const left = await Promise.all(queueUrls.map(depth));
    expect(left, "every queue is empty: each consumer deleted its events after handling them").toEqual([0, 0, 0]);
  });
});
