// `node scripts/bench-sdk-ab.ts <checkout> [<checkout> ...]`: SQS send+receive+delete cycles through the real AWS SDK
// (as in bench-engine.ts) for two or more checkouts of this repository, in ONE process, alternating batches (A, B,
// B, A, ...), so a busy shared machine weighs on each alike. Each checkout runs its own engine and its own
// node_modules. Prints, per checkout, the median and the best quarter of the batches: CPU us per cycle, cycles per
// CPU-second, and cycles per second of wall time. Example: `node scripts/bench-sdk-ab.ts /work/main .`
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const BATCH_CYCLES = Number(process.env.BATCH_CYCLES ?? 2_000);
const BATCHES = Number(process.env.BATCHES ?? 30);

interface Checkout {
  readonly root: string;
  readonly batch: (cycles: number) => Promise<{ cpuUs: number; wallUs: number }>;
  readonly cpuUs: number[];
  readonly wallUs: number[];
}

async function load(root: string): Promise<Checkout> {
  const at = (path: string) => pathToFileURL(resolve(root, path)).href;
  const { createSandbox } = await import(at("sandbox-engine/src/index.ts"));
  const { SQSClient, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand } = await import(at("sandbox-engine/src/aws/client-sqs.ts"));
  const sb = createSandbox({ seed: 1 });
  const client = new SQSClient({ sandbox: sb });
  const created = sb.sqs.createQueue({ QueueName: "bench" });
  if (!created.ok) throw new Error(created.fault.message);
  const QueueUrl: string = created.value.QueueUrl;
  let sent = 0;
  async function batch(cycles: number) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < cycles; i++) {
      await client.send(new SendMessageCommand({ QueueUrl, MessageBody: `order-${sent++}` }));
      const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl }));
      await client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages[0].ReceiptHandle }));
    }
    const used = process.cpuUsage(cpu);
    return { cpuUs: (used.user + used.system) / cycles, wallUs: ((performance.now() - started) * 1000) / cycles };
  }
  return { root, batch, cpuUs: [], wallUs: [] };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)]!;
}

const roots = process.argv.slice(2);
if (roots.length === 0) throw new Error("usage: node scripts/bench-sdk-ab.ts <checkout> [<checkout> ...]");
const checkouts: Checkout[] = [];
for (const root of roots) checkouts.push(await load(root));
for (const checkout of checkouts) await checkout.batch(5_000); // warm up the JIT
for (let b = 0; b < BATCHES; b++) {
  for (const checkout of b % 2 === 0 ? checkouts : [...checkouts].reverse()) {
    const { cpuUs, wallUs } = await checkout.batch(BATCH_CYCLES);
    checkout.cpuUs.push(cpuUs);
    checkout.wallUs.push(wallUs);
  }
}
const perSecond = (us: number) => Math.round(1e6 / us).toLocaleString("en-US");
for (const { root, cpuUs, wallUs } of checkouts) {
  console.log(
    `${root}: median ${quantile(cpuUs, 0.5).toFixed(1)} CPU us/cycle (${perSecond(quantile(cpuUs, 0.5))} per CPU-second), ` +
      `${perSecond(quantile(wallUs, 0.5))} cycles/s wall; best quarter ${quantile(cpuUs, 0.25).toFixed(1)} CPU us/cycle ` +
      `(${perSecond(quantile(cpuUs, 0.25))} per CPU-second), ${perSecond(quantile(wallUs, 0.25))} cycles/s wall`,
  );
}
