// `node scripts/bench-sns.ts`: SNS publishes per second, each fanned out to 10 SQS subscriptions with
// attribute filter policies (half of them match each message), in Node. Through sb.sns (the engine)
// and through the real AWS SDK's SNSClient (in memory). Measured, never asserted. Prints numbers only.
import { createSandbox } from "../sandbox-engine/src/index.ts";
import { PublishCommand, SNSClient } from "../sandbox-engine/src/aws/client-sns.ts";

const SUBSCRIPTIONS = 10;

function setUp() {
  const sb = createSandbox({ seed: 1 });
  const topic = sb.sns.createTopic({ Name: "orders" });
  if (!topic.ok) throw new Error(topic.fault.message);
  const TopicArn = topic.value.TopicArn!;
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const arn = `arn:aws:sqs:${sb.region}:${sb.accountId}:q${i}`;
    const Policy = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: arn, Condition: { ArnEquals: { "aws:SourceArn": TopicArn } } }],
    });
    const queue = sb.sqs.createQueue({ QueueName: `q${i}`, Attributes: { Policy } });
    if (!queue.ok) throw new Error(queue.fault.message);
    // Even queues take even order numbers, odd queues odd ones: 5 of 10 match each message.
    const FilterPolicy = JSON.stringify({ parity: [i % 2 === 0 ? "even" : "odd"], total: [{ numeric: [">=", 0] }] });
    const sub = sb.sns.subscribe({ TopicArn, Protocol: "sqs", Endpoint: arn, Attributes: { FilterPolicy, RawMessageDelivery: i < 5 ? "true" : "false" } });
    if (!sub.ok) throw new Error(sub.fault.message);
  }
  return { sb, TopicArn };
}

function input(TopicArn: string, i: number) {
  return {
    TopicArn,
    Message: `{"order":${i},"total":${i % 500}}`,
    MessageAttributes: {
      parity: { DataType: "String", StringValue: i % 2 === 0 ? "even" : "odd" },
      total: { DataType: "Number", StringValue: String(i % 500) },
    },
  };
}

function engine(publishes: number): number {
  const { sb, TopicArn } = setUp();
  const started = performance.now();
  for (let i = 0; i < publishes; i++) {
    const out = sb.sns.publish(input(TopicArn, i));
    if (!out.ok) throw new Error(out.fault.message);
  }
  return publishes / ((performance.now() - started) / 1000);
}

async function throughSdk(publishes: number): Promise<number> {
  const { sb, TopicArn } = setUp();
  const client = new SNSClient({ sandbox: sb });
  const started = performance.now();
  for (let i = 0; i < publishes; i++) await client.send(new PublishCommand(input(TopicArn, i)));
  return publishes / ((performance.now() - started) / 1000);
}

const rounds = 3;
const best = (values: number[]) => Math.max(...values);
const engineRates: number[] = [];
const sdkRates: number[] = [];
engine(2_000); // warm-up
for (let r = 0; r < rounds; r++) {
  engineRates.push(engine(10_000));
  sdkRates.push(await throughSdk(10_000));
}
console.log(`sns publish -> 10 filtered sqs subscriptions (engine): ${Math.round(best(engineRates))} publishes/s`);
console.log(`sns publish -> 10 filtered sqs subscriptions (SNSClient): ${Math.round(best(sdkRates))} publishes/s`);
