import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox } from "sandbox-engine";
import { SQSClient, CreateQueueCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { pollReminders, scheduleReminder, type Reminder } from "./reminders";

const MINUTE = 60_000;

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;
let start: number;

beforeEach(async () => {
  sb = createSandbox({ seed: 4 });
  sqs = new SQSClient({});
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "reminders" }))).QueueUrl!;
  start = sb.clock.now();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const at = (ms: number) => `${Math.round(ms / 1000)} s`;

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function schedule(id: string, inMs: number): Promise<void> {
  const reminder: Reminder = { id, text: `reminder ${id}`, dueAt: start + inMs };
  try {
    await scheduleReminder(queueUrl, reminder);
  } catch (error) {
    throw new Error(
      `scheduleReminder threw (${describeError(error)}) for a reminder due in ${at(inMs)}. ` +
        "DelaySeconds can be at most 900 (15 minutes): send it with the maximum, and let the worker send it on " +
        "again when it comes out before it is due",
    );
  }
}

/**
 * The worker: calls pollReminders in a loop until `forMs` of virtual time
 * has passed. Stops after 500 calls (35 minutes of 20 s long polls take about
 * 110), which only happens when time does not
 * move: every receive answered at once.
 */
async function runWorker(forMs: number) {
  const deliveries: Array<{ id: string; at: number }> = [];
  let calls = 0;
  while (sb.clock.now() - start < forMs) {
    if (++calls > 500) return { deliveries, spinning: true, calls };
    await pollReminders(queueUrl, (reminder) => deliveries.push({ id: reminder.id, at: sb.clock.now() - start }));
  }
  return { deliveries, spinning: false, calls };
}

const spinningMessage =
  "the worker called pollReminders 500 times and the clock never moved: each receive on the empty queue " +
  "answered at once (short polling). Pass WaitTimeSeconds: 20 so a receive waits for a message";

describe("reminders", () => {
  it("delivers a reminder when it is due, not before", async () => {
    await schedule("dentist", 5 * MINUTE);

    const { deliveries, spinning } = await runWorker(8 * MINUTE);

    const early = deliveries.filter((delivery) => delivery.at < 5 * MINUTE);
    expect(
      early.map((delivery) => `${delivery.id} at ${at(delivery.at)}`),
      "the reminder was due after 300 s but was delivered early: send it with DelaySeconds, the number of " +
        "seconds until it is due, so SQS keeps it invisible until then",
    ).toEqual([]);
    expect(spinning, spinningMessage).toBe(false);
    expect(
      deliveries.map((delivery) => `${delivery.id} at ${at(delivery.at)}`),
      "the reminder should be delivered once, at 300 s",
    ).toEqual(["dentist at 300 s"]);
  });

  it("delivers a reminder due in 40 minutes, beyond the 15-minute maximum delay", async () => {
    await schedule("standup", 40 * MINUTE);

    const { deliveries, spinning } = await runWorker(45 * MINUTE);

    expect(spinning, spinningMessage).toBe(false);
    expect(
      deliveries.map((delivery) => `${delivery.id} at ${at(delivery.at)}`),
      deliveries.length > 0 && deliveries[0]!.at < 40 * MINUTE
        ? "the reminder came out of the queue after the 15-minute maximum delay and was delivered at once: when " +
            "a reminder is not due yet, schedule it again (with the time that is left) instead of delivering it"
        : "the reminder should be delivered once, at 2400 s (40 minutes)",
    ).toEqual(["standup at 2400 s"]);
  });

  it("waits with long polling while there is nothing to do", async () => {
    const send = vi.spyOn(SQSClient.prototype, "send");

    const { spinning } = await runWorker(10 * MINUTE);
    const receives = send.mock.calls.filter(([command]) => command instanceof ReceiveMessageCommand).length;

    expect(spinning, spinningMessage).toBe(false);
    expect(
      receives,
      `an idle worker made ${receives} receive requests in 10 minutes: with 20 s long polls it needs about 30`,
    ).toBeLessThanOrEqual(31);
  });

  it("delivers each of several reminders once, at its time", async () => {
    await schedule("tea", 1 * MINUTE);
    await schedule("call-mum", 30 * MINUTE);
    await schedule("stretch", 16 * MINUTE);

    const { deliveries, spinning } = await runWorker(35 * MINUTE);

    expect(spinning, spinningMessage).toBe(false);
    expect(
      deliveries.map((delivery) => `${delivery.id} at ${at(delivery.at)}`),
      "each reminder should be delivered exactly once, when it is due (and deleted afterwards, or it comes " +
        "back after its visibility timeout)",
    ).toEqual(["tea at 60 s", "stretch at 960 s", "call-mum at 1800 s"]);
  });
});
