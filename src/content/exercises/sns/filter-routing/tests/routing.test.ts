import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { publishOrder, subscribeRoutes, type Order } from "./routing";
import { subscribeQueue } from "./queues";

let sb: ReturnType<typeof createSandbox>;
let sns: SNSClient;
let sqs: SQSClient;
let queues: { express: string; fraudReview: string; fragile: string; audit: string };

const orders: Order[] = [
  { orderId: "o-1", shipping: "express", total: 40, items: [{ sku: "b-12", category: "books" }] },
  { orderId: "o-2", shipping: "standard", total: 1500, items: [{ sku: "v-3", category: "glass" }] },
  { orderId: "o-3", shipping: "express", total: 1000, items: [{ sku: "b-9", category: "books" }, { sku: "m-1", category: "ceramics" }] },
  { orderId: "o-4", shipping: "standard", total: 999.99, items: [{ sku: "t-4", category: "toys" }] },
];

beforeEach(async () => {
  sb = createSandbox({ seed: 8 });
  sns = new SNSClient({});
  sqs = new SQSClient({});
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: "orders" }))).TopicArn!;
  const create = async (name: string) => (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  queues = { express: await create("express"), fraudReview: await create("fraud-review"), fragile: await create("fragile"), audit: await create("audit") };
  await subscribeRoutes(topicArn, queues);
  await subscribeQueue(topicArn, queues.audit); // no filter policy
  for (const order of orders) await publishOrder(topicArn, order);
});

/** The order ids that reached a queue. */
async function received(queueUrl: string): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) return ids.sort();
    for (const message of Messages) {
      ids.push(JSON.parse(JSON.parse(message.Body!).Message).orderId);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

const got = (ids: string[]) => (ids.length === 0 ? "no order" : ids.join(", "));

describe("routing with filter policies", () => {
  it("the audit queue, with no filter policy, gets every order", async () => {
    const ids = await received(queues.audit);
    expect(ids, `a subscription without a filter policy receives every message; audit got ${got(ids)}`).toEqual(["o-1", "o-2", "o-3", "o-4"]);
  });

  it("express orders reach the express queue, and only those", async () => {
    const ids = await received(queues.express);
    expect(
      ids,
      ids.length === 4
        ? "the express queue got every order: its subscription has no filter policy yet"
        : ids.length === 0
          ? "the express queue got nothing: does the policy name the attribute \"shipping\", and does publishOrder send it?"
          : `the express queue got ${got(ids)}; o-1 and o-3 are the express orders`,
    ).toEqual(["o-1", "o-3"]);
  });

  it("orders of 1,000 or more reach fraud review (a numeric filter on a Number attribute)", async () => {
    const ids = await received(queues.fraudReview);
    expect(
      ids,
      ids.length === 4
        ? "fraud review got every order: its subscription has no filter policy yet"
        : ids.length === 0
          ? "fraud review got nothing: a numeric filter matches only a Number attribute (DataType \"Number\"), never a String"
          : `fraud review got ${got(ids)}; o-2 (1,500) and o-3 (exactly 1,000) qualify, o-4 (999.99) does not`,
    ).toEqual(["o-2", "o-3"]);
  });

  it("orders with a glass or ceramics item reach the fragile queue (a filter on the message body)", async () => {
    const ids = await received(queues.fragile);
    expect(
      ids,
      ids.length === 4
        ? "the fragile queue got every order: its subscription has no filter policy yet"
        : ids.length === 0
          ? "the fragile queue got nothing: with FilterPolicyScope \"MessageBody\" the policy follows the JSON body, " +
              "{ items: { category: [...] } }; without the scope SNS looks for a message attribute called items"
          : `the fragile queue got ${got(ids)}; o-2 has a glass item and o-3 a ceramics one`,
    ).toEqual(["o-2", "o-3"]);
  });
});
