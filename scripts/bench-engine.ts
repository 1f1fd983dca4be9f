// `node scripts/bench-engine.ts`: how fast the sandbox engine runs, measured, never asserted.
//   - SQS send + receive + delete cycles per second, through sb.sqs (the engine) and through the real
//     AWS SDK's SQSClient with the sandbox's in-memory request handler (what learner code uses);
//   - advancing 24 h of virtual time with 10,000 pending timers: plain clock timers, and 10,000
//     delayed/in-flight SQS messages.
// Targets: >= 500,000 cycles/s through the engine (issue 3), >= 7,000 through the SDK (issue 9); < 50 ms for the
// 24 h advance. Prints numbers only.
import { createSandbox } from "../sandbox-engine/src/index.ts";
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "../sandbox-engine/src/aws/client-sqs.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function best(values: number[]): number {
  return Math.max(...values);
}

async function engineCycles(cycles: number): Promise<number> {
  const sb = createSandbox({ seed: 1 });
  const sqs = sb.sqs;
  const created = sqs.createQueue({ QueueName: "bench" });
  if (!created.ok) throw new Error(created.fault.message);
  const QueueUrl = created.value.QueueUrl!;
  const receiveInput = { QueueUrl };
  const started = performance.now();
  for (let i = 0; i < cycles; i++) {
    sqs.sendMessage({ QueueUrl, MessageBody: `order-${i}` });
    const received = await sqs.receiveMessage(receiveInput);
    if (!received.ok) throw new Error(received.fault.message);
    sqs.deleteMessage({ QueueUrl, ReceiptHandle: received.value.Messages![0]!.ReceiptHandle! });
  }
  return cycles / ((performance.now() - started) / 1000);
}

/** Cycles per second of CPU time of the last sdkCycles run: steadier than wall time on a shared, busy machine. */
let sdkCyclesPerCpuSecond = 0;

async function sdkCycles(cycles: number): Promise<number> {
  const sb = createSandbox({ seed: 1 });
  const client = new SQSClient({ sandbox: sb });
  const created = sb.sqs.createQueue({ QueueName: "bench" });
  if (!created.ok) throw new Error(created.fault.message);
  const QueueUrl = created.value.QueueUrl!;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < cycles; i++) {
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: `order-${i}` }));
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl }));
    await client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle! }));
  }
  const cpu = process.cpuUsage(cpuStarted);
  sdkCyclesPerCpuSecond = Math.max(sdkCyclesPerCpuSecond, cycles / ((cpu.user + cpu.system) / 1e6));
  return cycles / ((performance.now() - started) / 1000);
}

async function advanceWithClockTimers(timers: number): Promise<number> {
  const sb = createSandbox({ seed: 1, loopLimit: timers + 1 });
  let fired = 0;
  for (let i = 0; i < timers; i++) sb.clock.setTimer(() => void (fired += 1), Math.floor((i * DAY_MS) / timers));
  const started = performance.now();
  await sb.clock.advance(DAY_MS);
  const ms = performance.now() - started;
  if (fired !== timers) throw new Error(`fired ${fired} of ${timers}`);
  return ms;
}

/** 10,000 SQS messages pending on the clock: 5,000 delayed, 5,000 in flight, all due within 24 h. */
async function advanceWithSqsMessages(messages: number): Promise<number> {
  const sb = createSandbox({ seed: 1, loopLimit: messages + 10 });
  const created = sb.sqs.createQueue({ QueueName: "bench", Attributes: { MessageRetentionPeriod: "1209600" } });
  if (!created.ok) throw new Error(created.fault.message);
  const QueueUrl = created.value.QueueUrl!;
  for (let i = 0; i < messages / 2; i++) sb.sqs.sendMessage({ QueueUrl, MessageBody: `m${i}`, DelaySeconds: 1 + (i % 900) });
  for (let i = 0; i < messages / 2; i++) sb.sqs.sendMessage({ QueueUrl, MessageBody: `v${i}` });
  for (let i = 0; i < messages / 2 / 10; i++) {
    await sb.sqs.receiveMessage({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 1 + ((i * 37) % 43_199) });
  }
  const started = performance.now();
  await sb.clock.advance(DAY_MS);
  return performance.now() - started;
}

const cycles = 300_000;
// Warm up the JIT, then keep the best of three runs.
await engineCycles(50_000);
const engine = best([await engineCycles(cycles), await engineCycles(cycles), await engineCycles(cycles)]);
await sdkCycles(5_000);
const sdk = best([await sdkCycles(20_000), await sdkCycles(20_000), await sdkCycles(20_000)]);
await advanceWithClockTimers(10_000);
const clockMs = Math.min(await advanceWithClockTimers(10_000), await advanceWithClockTimers(10_000));
const sqsMs = Math.min(await advanceWithSqsMessages(10_000), await advanceWithSqsMessages(10_000));

const rows: Array<[string, string]> = [
  ["SQS send+receive+delete cycles/s, engine (sb.sqs)", Math.round(engine).toLocaleString("en-US")],
  ["SQS send+receive+delete cycles/s, real AWS SDK (SQSClient.send, in memory)", Math.round(sdk).toLocaleString("en-US")],
  ["  the same per second of CPU time (steadier on a busy machine)", Math.round(sdkCyclesPerCpuSecond).toLocaleString("en-US")],
  ["advance 24 h, 10,000 clock timers (ms)", clockMs.toFixed(1)],
  ["advance 24 h, 10,000 delayed/in-flight SQS messages (ms)", sqsMs.toFixed(1)],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
