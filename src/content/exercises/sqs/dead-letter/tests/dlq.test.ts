import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  SQSClient,
  CreateQueueCommand,
  SendMessageCommand,
  ReceiveMessageCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
} from "@aws-sdk/client-sqs";
import { attachDeadLetterQueue, peekDeadLetters, redrive } from "./dlq";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let queueUrl: string;
let queueArn: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 3 });
  sqs = new SQSClient({});
  // Visibility timeout: the default 30 s.
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "payments" }))).QueueUrl!;
  queueArn = await arnOf(queueUrl);
});

async function arnOf(url: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return Attributes.QueueArn!;
}

async function counts(url: string) {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return { visible: Number(Attributes.ApproximateNumberOfMessages), inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible) };
}

async function send(body: string): Promise<string> {
  return (await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }))).MessageId!;
}

/** A consumer that crashes on every message: it receives, never deletes, and waits out the 30 s timeout. */
async function crashingConsumer(attempts: number): Promise<number> {
  let receives = 0;
  for (let i = 0; i < attempts; i++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    receives += Messages.length;
    await sb.clock.advance(31_000);
  }
  return receives;
}

/** Set-up done by the test itself: a DLQ with maxReceiveCount 2, holding `bodies`. */
async function deadLettersFor(bodies: string[]): Promise<{ dlqUrl: string; ids: string[] }> {
  const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "payments-dlq" }))).QueueUrl!;
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(dlqUrl), maxReceiveCount: 2 }) },
    }),
  );
  const ids: string[] = [];
  for (const body of bodies) ids.push(await send(body));
  await crashingConsumer(3);
  return { dlqUrl, ids };
}

describe("dead-letter queue", () => {
  it("moves a poison message to the DLQ after maxReceiveCount failed receives", async () => {
    const dlqUrl = await attachDeadLetterQueue(queueUrl, "payments-dlq", 3);
    await send("charge card 4242: amount=-5");

    const receives = await crashingConsumer(6);
    const source = await counts(queueUrl);
    const dlq = await counts(dlqUrl);

    expect(
      receives,
      receives > 3
        ? `the poison message was received ${receives} times and never left the queue: set the source queue's ` +
            "RedrivePolicy to { deadLetterTargetArn: <DLQ ARN>, maxReceiveCount } with SetQueueAttributes"
        : `the message was received ${receives} times; with maxReceiveCount 3 it should be received 3 times, then moved`,
    ).toBe(3);
    expect(source.visible + source.inFlight, "the poison message should have left the source queue").toBe(0);
    expect(dlq.visible, "after its 3rd failed receive, the next receive should move the message into the DLQ").toBe(1);
  });

  it("peeks at a dead letter: its body, id and source queue", async () => {
    const { dlqUrl, ids } = await deadLettersFor(["charge card 4242: amount=-5"]);

    const letters = await peekDeadLetters(dlqUrl);

    expect(letters.length, "the DLQ holds 1 message, but peekDeadLetters returned " + letters.length).toBe(1);
    expect(letters[0]?.body, "body: the message body, unchanged by the move").toBe("charge card 4242: amount=-5");
    expect(letters[0]?.messageId, "messageId: a dead letter keeps the MessageId it had in the source queue").toBe(ids[0]);
    expect(
      letters[0]?.sourceQueueArn,
      "sourceQueueArn: ask for the DeadLetterQueueSourceArn system attribute (MessageSystemAttributeNames) on the receive",
    ).toBe(queueArn);
    expect(
      letters[0]?.receiveCount,
      "receiveCount: ask for ApproximateReceiveCount and turn the string into a number. The count carries over from the " +
        "source queue: 2 failed receives there, and this first look in the DLQ is the 3rd",
    ).toBe(3);
  });

  it("leaves the dead letters visible after peeking", async () => {
    const { dlqUrl } = await deadLettersFor(["poison-1", "poison-2"]);

    await peekDeadLetters(dlqUrl);
    const after = await counts(dlqUrl);

    expect(
      after.visible,
      after.inFlight > 0
        ? `${after.inFlight} dead letters are hidden after peeking: a receive hides messages for the visibility ` +
            "timeout. Receive with VisibilityTimeout: 0 so they stay visible and a redrive can move them"
        : "both dead letters should still be in the DLQ after peeking",
    ).toBe(2);
  });

  it("redrives the dead letters back to the source queue", async () => {
    const { dlqUrl, ids } = await deadLettersFor(["poison-1", "poison-2"]);
    const dlqArn = await arnOf(dlqUrl);

    const handle = await redrive(dlqUrl);
    const running = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results ?? [];
    await sb.clock.advance(2_000);
    const done = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results ?? [];
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));

    expect(running.length, "no move task was started: call StartMessageMoveTask with SourceArn: the DLQ's ARN").toBe(1);
    expect(handle, "redrive should return the TaskHandle that StartMessageMoveTask answered").toBe(running[0]?.TaskHandle);
    expect(done[0]?.Status, "the move task should have finished within 2 s").toBe("COMPLETED");
    expect(
      Messages.map((message) => message.MessageId).sort(),
      "both messages should be back in the source queue, with their original MessageIds",
    ).toEqual([...ids].sort());
    expect((await counts(dlqUrl)).visible, "the DLQ should be empty after the redrive").toBe(0);
  });
});
