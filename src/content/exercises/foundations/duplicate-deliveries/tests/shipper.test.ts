import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateEventSourceMappingCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { handler } from "./shipper";
import { resetWarehouse, shipments, warehouse, type Order } from "./warehouse";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;

beforeEach(async () => {
  // A standard queue as it really behaves: now and then a message is delivered twice.
  sb = createSandbox({ seed: 21, sqs: { standardQueueDelivery: "at-least-once", duplicateProbability: 0.3 } });
  sqs = new SQSClient({});
  const lambda = new LambdaClient({});
  resetWarehouse();
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "orders-to-ship", Attributes: { VisibilityTimeout: "30" } })))
    .QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  // One invocation at a time, so two copies of an event are never handled at the same moment: this exercise is
  // about duplicates, not races (with more, the check and the write must be one conditional write).
  sb.lambda.createFunction({
    FunctionName: "shipper",
    Handler: "shipper.handler",
    Timeout: 5,
    ReservedConcurrentExecutions: 1,
    handler: handler as never,
  });
  await lambda.send(new CreateEventSourceMappingCommand({ EventSourceArn: Attributes!.QueueArn!, FunctionName: "shipper", BatchSize: 10 }));
  await sb.clock.advance(1_000); // the mapping takes a second to become Enabled
});

const order = (n: number): Order => ({ orderId: `o-${n}`, address: `${n} Queue Street` });

async function publish(o: Order): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ type: "OrderPlaced", order: o }) }));
}

/** Orders that got more than one parcel, as "o-3 x2". */
function shippedTwice(): string[] {
  const count = new Map<string, number>();
  for (const parcel of warehouse.parcels) count.set(parcel.orderId, (count.get(parcel.orderId) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
}

/** Orders that got no parcel at all. */
function neverShipped(orders: Order[]): string[] {
  return orders.filter((o) => !warehouse.parcels.some((parcel) => parcel.orderId === o.orderId)).map((o) => o.orderId);
}

/** How many extra copies SQS delivered, from the simulator's trace. */
const duplicatesDelivered = () => sb.trace.events.filter((event) => event.service === "sqs" && event.kind === "duplicate").length;

async function queueDepth(): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

describe("an idempotent shipper", () => {
  it("ships each order once, although SQS delivers some events twice", async () => {
    const orders = Array.from({ length: 30 }, (_, i) => order(i + 1));
    for (const o of orders) await publish(o);

    await sb.clock.advance(5 * 60_000);

    expect(
      shippedTwice(),
      `SQS delivered ${duplicatesDelivered()} extra copies of the 30 events (a standard queue delivers at least ` +
        "once), and the shipper sent another parcel for each. Skip an order the shipments table already has",
    ).toEqual([]);
    expect(neverShipped(orders), "every order still gets its parcel").toEqual([]);
    const parcel = warehouse.parcels.find((p) => p.orderId === "o-1");
    expect(
      shipments.get("o-1"),
      "the shipments table remembers each shipped order with its tracking id (shipments.set(orderId, trackingId))",
    ).toBe(parcel?.trackingId);
  });

  it("ships once when the shop sent the same order twice", async () => {
    // The shop's first send timed out on its side, so it sent again: two messages, two MessageIds, one order.
    await publish(order(7));
    await publish(order(7));

    await sb.clock.advance(2 * 60_000);

    expect(
      warehouse.parcels.filter((parcel) => parcel.orderId === "o-7").length,
      "the same order arrived in two messages with different MessageIds: key on the order id, not the message",
    ).toBe(1);
  });

  it("retries a failed shipment without shipping the rest of its batch again", async () => {
    const orders = Array.from({ length: 10 }, (_, i) => order(i + 1));
    warehouse.failNextFor.add("o-4"); // the warehouse API times out once, on o-4
    for (const o of orders) await publish(o);

    await sb.clock.advance(5 * 60_000);

    expect(
      neverShipped(orders),
      "these orders never left the warehouse. The first attempt for o-4 failed, so Lambda gave the batch back; " +
        "if the shipper recorded o-4 before ship() succeeded, the retry skipped it. Record an order only after " +
        "shipping it",
    ).toEqual([]);
    expect(
      shippedTwice(),
      "the handler threw at o-4, so after the 30 s visibility timeout Lambda handed over the whole batch again, " +
        "and the orders shipped on the first attempt were shipped again",
    ).toEqual([]);
  });

  it("leaves nothing in the queue: a duplicate is skipped, not failed", async () => {
    for (let n = 1; n <= 20; n++) await publish(order(n));

    await sb.clock.advance(5 * 60_000);

    const left = await queueDepth();
    expect(
      left,
      `${left} messages are still in the queue 5 minutes later: the handler threw for them, so Lambda kept ` +
        "handing them back (and each receive may leave another copy). Skipping a duplicate is success: return " +
        "normally and Lambda deletes the message",
    ).toBe(0);
  });
});
