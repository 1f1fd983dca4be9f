import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";

/** sb.sqs.onActivity: the typed wake-up engine code uses instead of listening to the trace. */
describe("sqs.onActivity", () => {
  it("calls back after a send, a visibility timeout ending and a dead-letter arrival on the watched queue, until stopped", async () => {
    // given a queue with a dead-letter queue after one receive
    const sb = createSandbox();
    const dlq = sb.sqs.createQueue({ QueueName: "dlq" });
    const dlqArn = "arn:aws:sqs:us-east-1:123456789012:dlq";
    const redrive = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 });
    const main = sb.sqs.createQueue({ QueueName: "main", Attributes: { RedrivePolicy: redrive, VisibilityTimeout: "10" } });
    if (!main.ok || !dlq.ok) throw new Error("setup");
    const woken: string[] = [];
    const stopMain = sb.sqs.onActivity("arn:aws:sqs:us-east-1:123456789012:main", (arn) => woken.push(`main:${arn.split(":").at(-1)}`));
    const stopDlq = sb.sqs.onActivity(dlqArn, () => woken.push("dlq"));
    // when
    sb.sqs.sendMessage({ QueueUrl: main.value.QueueUrl!, MessageBody: "a" });
    await sb.sqs.receiveMessage({ QueueUrl: main.value.QueueUrl! });
    await sb.clock.advance(10_000);
    await sb.sqs.receiveMessage({ QueueUrl: main.value.QueueUrl! }); // the second receive moves it to the DLQ
    // then
    // send, visibility expired, and the dead-letter move (recorded on main, naming the DLQ): main and the DLQ both hear it
    expect(woken).toEqual(["main:main", "main:main", "main:main", "dlq"]);
    stopMain();
    stopDlq();
    sb.sqs.sendMessage({ QueueUrl: main.value.QueueUrl!, MessageBody: "b" });
    expect(woken).toHaveLength(4);
    expect(sb.trace.events.filter((event) => event.kind === "send")).toHaveLength(2);
  });
});

describe("causes across a dead-letter queue", () => {
  it("a receive from the DLQ points to the dead-letter move, which points to the original send", async () => {
    const sb = createSandbox();
    const dlq = sb.sqs.createQueue({ QueueName: "dlq" });
    const redrive = JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:us-east-1:123456789012:dlq", maxReceiveCount: 1 });
    const main = sb.sqs.createQueue({ QueueName: "main", Attributes: { RedrivePolicy: redrive, VisibilityTimeout: "10" } });
    if (!main.ok || !dlq.ok) throw new Error("setup");
    sb.sqs.sendMessage({ QueueUrl: main.value.QueueUrl!, MessageBody: "a" });
    await sb.sqs.receiveMessage({ QueueUrl: main.value.QueueUrl! });
    await sb.clock.advance(10_000);
    await sb.sqs.receiveMessage({ QueueUrl: main.value.QueueUrl! });
    await sb.sqs.receiveMessage({ QueueUrl: dlq.value.QueueUrl! });
    const events = sb.trace.events;
    const chain: string[] = [];
    for (let event = events.at(-1); event !== undefined; event = event.cause === undefined ? undefined : events[event.cause]) {
      chain.push(`${event.kind}@${event.resource.split(":").at(-1)}`);
    }
    expect(chain).toEqual(["receive@dlq", "dead-letter@main", "send@main"]);
  });
});
