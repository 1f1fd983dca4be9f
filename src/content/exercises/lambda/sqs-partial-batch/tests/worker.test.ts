import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { LambdaClient, ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { connectQueue, handler } from "./worker";
import { payments, resetPayments, type Order } from "./payments";

let sb: ReturnType<typeof createSandbox>;
let lambda: LambdaClient;
let sqs: SQSClient;
let queueUrl: string;
let queueArn: string;
let dlqUrl: string;

async function createQueue(name: string, attributes: Record<string, string> = {}) {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return { url, arn: Attributes!.QueueArn! };
}

beforeEach(async () => {
  sb = createSandbox({ seed: 4 });
  lambda = new LambdaClient({});
  sqs = new SQSClient({});
  resetPayments();
  const dlq = await createQueue("orders-dlq");
  dlqUrl = dlq.url;
  // Visibility timeout 30 s = 6 x the function's 5 s timeout; after 3 receives a message goes to the DLQ.
  const queue = await createQueue("orders", {
    VisibilityTimeout: "30",
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
  });
  queueUrl = queue.url;
  queueArn = queue.arn;
  sb.lambda.createFunction({ FunctionName: "charge-orders", Handler: "worker.handler", Timeout: 5, handler: handler as never });
});

const orders = (n: number): Order[] =>
  Array.from({ length: n }, (_, i) => ({ orderId: `o-${i + 1}`, amountCents: 1000 + i, card: "visa" }));

async function sendOrders(list: Order[]) {
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: list.map((order, i) => ({ Id: String(i), MessageBody: JSON.stringify(order) })),
    }),
  );
}

/** Connects the queue and waits the second the mapping takes to become Enabled. */
async function connect() {
  await connectQueue(queueArn, "charge-orders");
  await sb.clock.advance(1_000);
}

async function counts(url: string) {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }));
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

/** Orders charged more than once, as "o-1 x2". */
function doubleCharges(): string[] {
  const seen = new Map<string, number>();
  for (const id of payments.charges) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
}

const fakeRecord = (order: Order, i: number) => ({
  messageId: `m-${i + 1}`,
  receiptHandle: `rh-${i + 1}`,
  body: JSON.stringify(order),
  eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:orders",
});

describe("the charge-orders consumer", () => {
  it("reports the message ids of the records that failed, and only those", async () => {
    const list = orders(3);
    payments.failOnce.add("o-2");
    let answer: unknown;
    try {
      answer = await handler({ Records: list.map(fakeRecord) });
    } catch (error) {
      throw new Error(
        `the handler threw (${String(error)}) for a batch where only o-2 failed: Lambda would treat all 3 records ` +
          "as failed. Catch the error of that one record and list its messageId in batchItemFailures",
      );
    }
    expect(answer, "o-2 (message m-2) failed: return { batchItemFailures: [{ itemIdentifier: 'm-2' }] }").toEqual({
      batchItemFailures: [{ itemIdentifier: "m-2" }],
    });
    expect(payments.charges, "o-1 and o-3 were still charged").toEqual(["o-1", "o-3"]);
  });

  it("maps the queue to the function, asking for partial batch responses", async () => {
    await connectQueue(queueArn, "charge-orders");
    const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: "charge-orders" }));
    expect(EventSourceMappings.length, "connectQueue should create one event source mapping for charge-orders").toBe(1);
    const mapping = EventSourceMappings[0]!;
    expect(mapping.EventSourceArn, "the mapping polls the orders queue").toBe(queueArn);
    expect(
      mapping.FunctionResponseTypes,
      "without ReportBatchItemFailures in FunctionResponseTypes, Lambda ignores your batchItemFailures and " +
        "deletes the whole batch when the handler returns",
    ).toEqual(["ReportBatchItemFailures"]);
  });

  it("charges every order of a healthy batch once and empties the queue", async () => {
    await connect();
    await sendOrders(orders(10));
    await sb.clock.advance(1_000);
    expect([...payments.charges].sort(), "Lambda polled the queue and invoked the function with one batch of 10").toEqual(
      orders(10).map((order) => order.orderId).sort(),
    );
    expect(await counts(queueUrl), "a successful batch is deleted from the queue").toBe(0);
  });

  it("sends only the failed orders back to the queue, so no one is charged twice", async () => {
    await connect();
    payments.failOnce.add("o-3").add("o-7"); // the provider times out once on these two
    await sendOrders(orders(10));

    await sb.clock.advance(1_000);
    const left = await counts(queueUrl);
    expect(
      left,
      `after the first batch ${left} of the 10 messages are still in the queue, waiting for their visibility ` +
        "timeout; only o-3 and o-7 failed, so only their 2 messages should be. " +
        (left === 10
          ? "The handler threw, so Lambda treated the whole batch as failed."
          : left === 0
            ? "Lambda deleted the failed ones too: did the mapping ask for ReportBatchItemFailures?"
            : ""),
    ).toBe(2);
    await sb.clock.advance(31_000); // the visibility timeout of the failed messages ends
    expect(
      doubleCharges(),
      "these orders were charged more than once: the whole batch came back after a failure and the orders " +
        "already charged were charged again. Report only the failed records in batchItemFailures",
    ).toEqual([]);
    expect(payments.charges.length, "after the retry, all 10 orders are charged, each once").toBe(10);
    expect(await counts(queueUrl), "and the queue is empty").toBe(0);
  });

  it("lets a poison order reach the dead-letter queue while the others are charged once", async () => {
    await connect();
    const list = orders(10);
    list[4] = { ...list[4]!, card: "expired" }; // o-5 can never be charged
    await sendOrders(list);

    await sb.clock.advance(2 * 60_000); // 3 receives, 30 s apart
    expect(
      doubleCharges(),
      "these orders were charged more than once: o-5 fails on every receive, and each time the whole batch " +
        "came back with it. Report only o-5's record as failed",
    ).toEqual([]);
    expect(payments.charges.length, "the 9 good orders are charged").toBe(9);
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10 }));
    expect(
      Messages.map((message) => (JSON.parse(message.Body!) as Order).orderId),
      "after 3 failed receives the queue's redrive policy moved o-5, and only o-5, to orders-dlq",
    ).toEqual(["o-5"]);
  });
});
