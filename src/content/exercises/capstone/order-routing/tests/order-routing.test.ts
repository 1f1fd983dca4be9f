import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { drain, postOrder, queueArnOf } from "./inspect";
import { deployOrderApi, type OrderApi } from "./order-api";
import { createOrderQueues, type OrderQueues } from "./routing";
import type { Order } from "./shop";

let sb: ReturnType<typeof createSandbox>;
let api: OrderApi;
let queues: OrderQueues;

const order = (orderId: string, delivery: Order["delivery"], total: number): Order => ({
  orderId,
  email: `${orderId}@example.com`,
  delivery,
  total,
  items: [{ sku: "lamp-2", quantity: 1 }],
});

beforeEach(async () => {
  sb = createSandbox({ seed: 2 });
  api = await deployOrderApi(sb);
  queues = await createOrderQueues(api.topicArn);
  for (const o of [order("e-1", "express", 30), order("s-1", "standard", 999.99), order("e-2", "express", 1000), order("s-2", "standard", 2500)]) {
    const response = await postOrder(sb, api.url, o);
    expect(response.status, "stage 1's API accepts these orders").toBe(202);
  }
});

const idsIn = async (queueUrl: string) => (await drain(queueUrl)).map((message) => (JSON.parse(message.body) as Order).orderId).sort();
const got = (ids: string[]) => (ids.length === 0 ? "nothing" : ids.join(", "));

describe("routing orders to queues", () => {
  it("express orders below the review threshold reach orders-express, and only those", async () => {
    const ids = await idsIn(queues.express);
    expect(
      ids,
      ids.length === 0
        ? "orders-express got nothing: does its queue policy allow sns.amazonaws.com to SendMessage, and is it subscribed?"
        : `orders-express got ${got(ids)}: its filter policy should match delivery "express" and total below 1000`,
    ).toEqual(["e-1"]);
  });

  it("standard orders below the review threshold reach orders-standard, and only those", async () => {
    const ids = await idsIn(queues.standard);
    expect(ids, `orders-standard got ${got(ids)}`).toEqual(["s-1"]);
  });

  it("every order of 1,000 or more waits in orders-fraud-review, whatever its delivery", async () => {
    const ids = await idsIn(queues.fraudReview);
    expect(ids, `orders-fraud-review got ${got(ids)}: filter on { total: [{ numeric: [">=", 1000] }] }`).toEqual(["e-2", "s-2"]);
  });

  it("a queue's message is the order itself (raw message delivery), not an SNS envelope", async () => {
    const [message] = await drain(queues.express);
    expect(message, "orders-express should hold e-1").toBeDefined();
    const body = JSON.parse(message!.body) as Record<string, unknown>;
    expect(body.Type, 'the body is an SNS notification ({ Type: "Notification", Message: ... }): set RawMessageDelivery "true"').toBeUndefined();
    expect(body).toMatchObject({ orderId: "e-1", delivery: "express" });
  });

  it("the queue policies let only the orders topic in: another topic cannot fill a queue", async () => {
    const sns = new SNSClient({});
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "spam" }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: await queueArnOf(queues.standard), Attributes: { RawMessageDelivery: "true" } }));
    await drain(queues.standard);
    await sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify(order("x-1", "standard", 5)) }));
    await sb.clock.advance(60_000);
    const ids = await idsIn(queues.standard);
    expect(ids, 'the "spam" topic delivered to orders-standard: allow only your topic, Condition: { ArnEquals: { "aws:SourceArn": topicArn } }').toEqual([]);
  });
});
