// `node scripts/bench-lambda.ts`: invocations per second through an SQS event source mapping in
// Node, measured, never asserted. Messages are sent in bulk, then the clock is advanced so the
// mapping polls, invokes the handler once per batch, and deletes the batch. Prints numbers only.
import { createSandbox } from "../sandbox-engine/src/index.ts";

async function throughput(messages: number, batchSize: number): Promise<{ messagesPerSecond: number; invocationsPerSecond: number }> {
  const sb = createSandbox({ seed: 1, loopLimit: 1_000_000 });
  const created = sb.sqs.createQueue({ QueueName: "bench" });
  if (!created.ok) throw new Error(created.fault.message);
  const QueueUrl = created.value.QueueUrl!;
  let processed = 0;
  sb.lambda.createFunction({ FunctionName: "consumer", handler: async (event: { Records: unknown[] }) => void (processed += event.Records.length) });
  const mapping = sb.lambda.createEventSourceMapping({
    EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:bench`, FunctionName: "consumer", BatchSize: batchSize,
    ...(batchSize > 10 ? { MaximumBatchingWindowInSeconds: 1 } : {}),
  });
  if (!mapping.ok) throw new Error(mapping.fault.message);
  await sb.clock.advance(1000);
  const started = performance.now();
  for (let i = 0; i < messages; i++) sb.sqs.sendMessage({ QueueUrl, MessageBody: `order-${i}` });
  while (processed < messages) await sb.clock.advance(1000);
  const seconds = (performance.now() - started) / 1000;
  const invocations = sb.lambda.metrics("consumer").Invocations;
  return { messagesPerSecond: messages / seconds, invocationsPerSecond: invocations / seconds };
}

const rows: [string, number][] = [];
for (const [messages, batchSize] of [[20_000, 1], [100_000, 10]] as const) {
  let best = { messagesPerSecond: 0, invocationsPerSecond: 0 };
  for (let run = 0; run < 3; run++) {
    const result = await throughput(messages, batchSize);
    if (result.invocationsPerSecond > best.invocationsPerSecond) best = result;
  }
  rows.push([`SQS -> Lambda, BatchSize ${batchSize}: invocations/s`, best.invocationsPerSecond]);
  rows.push([`SQS -> Lambda, BatchSize ${batchSize}: messages/s`, best.messagesPerSecond]);
}
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${Math.round(value).toLocaleString("en-US").padStart(10)}`);
