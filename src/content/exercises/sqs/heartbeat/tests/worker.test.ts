import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
  ReceiveMessageCommand,
  GetQueueAttributesCommand,
  ChangeMessageVisibilityCommand,
} from "@aws-sdk/client-sqs";
import { processLongJob } from "./worker";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 7 });
  sqs = new SQSClient({});
  // The queue keeps the default visibility timeout of 30 s.
  const created = await sqs.send(new CreateQueueCommand({ QueueName: "video-jobs" }));
  queueUrl = created.QueueUrl!;
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "transcode movie-42" }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Work that takes `ms` of virtual time, recording when it ran. */
function slowWork(ms: number, fail = false) {
  const calls: string[] = [];
  const work = async (body: string) => {
    calls.push(body);
    await sb.clock.sleep(ms);
    if (fail) throw new Error("the encoder crashed");
  };
  return { calls, work };
}

/** Another consumer that polls the same queue every 10 s (at 5 s, 15 s, 25 s, ...) while `until` is pending. */
async function otherConsumer(times: number) {
  const stolen: Array<{ at: number; body: string }> = [];
  const start = sb.clock.now();
  await sb.clock.sleep(5_000);
  for (let i = 0; i < times; i++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    for (const message of Messages) stolen.push({ at: sb.clock.now() - start, body: message.Body ?? "" });
    await sb.clock.sleep(10_000);
  }
  return stolen;
}

async function counts() {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return { visible: Attributes.ApproximateNumberOfMessages, inFlight: Attributes.ApproximateNumberOfMessagesNotVisible };
}

describe("processLongJob", () => {
  it("runs a short job and deletes the message", async () => {
    const { calls, work } = slowWork(5_000);

    const result = await processLongJob(queueUrl, work);
    await sb.clock.advance(60_000);
    const after = await counts();

    expect(calls, "the work should run once, on the message's body").toEqual(["transcode movie-42"]);
    expect(result, 'the job succeeded, so processLongJob should return "done"').toBe("done");
    expect(
      after.visible,
      "a minute after the job finished, the message was back in the queue: it was never deleted. " +
        "Delete it with DeleteMessageCommand once the work succeeds",
    ).toBe("0");
    expect(after.inFlight, "no message should be in flight after the job").toBe("0");
  });

  it("keeps a 150 s job hidden from other consumers with a heartbeat", async () => {
    const { calls, work } = slowWork(150_000);

    const [result, stolen] = await Promise.all([processLongJob(queueUrl, work), otherConsumer(15)]);

    expect(
      stolen.map(({ at, body }) => `${body} at ${seconds(at)}`),
      stolen.length === 0
        ? "no other consumer should get the message while the job runs"
        : `another consumer received the message ${seconds(stolen[0]!.at)} into the job: the 30 s ` +
            "visibility timeout ran out while the work was still running, so SQS handed the message out " +
            "again. Extend the timeout with ChangeMessageVisibility every HEARTBEAT_MS while the work runs",
    ).toEqual([]);
    expect(calls.length, "the work should run exactly once").toBe(1);
    expect(result, 'the job succeeded, so processLongJob should return "done"').toBe("done");
    const after = await counts();
    expect(
      Number(after.visible) + Number(after.inFlight),
      "the message is still in the queue after the job: delete it once the work succeeds",
    ).toBe(0);
  });

  it("stops the heartbeat when the job is done", async () => {
    const send = vi.spyOn(SQSClient.prototype, "send");
    const { work } = slowWork(60_000);
    const startedAt = sb.clock.now();

    await processLongJob(queueUrl, work);
    const finishedAt = sb.clock.now();
    const changesBefore = send.mock.calls.filter(([command]) => command instanceof ChangeMessageVisibilityCommand).length;
    await sb.clock.advance(120_000);
    const changesAfter = send.mock.calls.filter(([command]) => command instanceof ChangeMessageVisibilityCommand).length;

    expect(
      changesBefore,
      "a 60 s job made no ChangeMessageVisibility call: start a heartbeat with every(HEARTBEAT_MS, ...) " +
        "that extends the visibility timeout",
    ).toBeGreaterThan(0);
    expect(
      changesAfter - changesBefore,
      `the heartbeat kept calling ChangeMessageVisibility after the job ended at ${seconds(finishedAt - startedAt)}: ` +
        "call the function every() returned to stop it",
    ).toBe(0);
  });

  it("hands a failed job's message back at once", async () => {
    const { work } = slowWork(45_000, true);

    let outcome: string | undefined;
    let thrown: unknown;
    try {
      outcome = await processLongJob(queueUrl, work);
    } catch (error) {
      thrown = error;
    }
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));

    expect(
      thrown,
      `processLongJob threw (${String(thrown)}): catch the work's error, so the worker can go on with the next job`,
    ).toBeUndefined();
    expect(outcome, 'the work threw, so processLongJob should return "failed"').toBe("failed");
    expect(
      Messages.map((message) => message.Body),
      "right after the job failed, another consumer could not receive the message: it stayed hidden. " +
        "Set its visibility timeout to 0 with ChangeMessageVisibility so it can be retried now",
    ).toEqual(["transcode movie-42"]);
  });

  it('returns "empty" after a long poll finds nothing', async () => {
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, VisibilityTimeout: 300 }));

    const result = await processLongJob(queueUrl, async () => {});

    expect(result, 'the queue had nothing visible, so processLongJob should return "empty"').toBe("empty");
  });
});
