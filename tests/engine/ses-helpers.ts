import { createSandbox, type Sandbox } from "sandbox-engine";
import type { Outcome } from "sandbox-engine";

/** The value of a successful outcome; a failed one fails the test with its fault. */
export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

/** The fault of a failed outcome. */
export function fault(outcome: Outcome<unknown>): { code: string; message: string } {
  if (outcome.ok) throw new Error(`expected a fault, got ${JSON.stringify(outcome.value)}`);
  return outcome.fault;
}

/** A sandbox whose SES has these verified identities. */
export function givenSes(...verified: string[]): Sandbox {
  const sb = createSandbox();
  for (const identity of verified) {
    if (identity.includes("@")) value(sb.ses.verifyEmailIdentity({ EmailAddress: identity }));
    else value(sb.ses.verifyDomainIdentity({ Domain: identity }));
    sb.ses.verify(identity);
  }
  return sb;
}

export const simple = (from: string, to: string[], subject = "Hello", text = "Hi there") => ({
  Source: from,
  Destination: { ToAddresses: to },
  Message: { Subject: { Data: subject }, Body: { Text: { Data: text } } },
});

import { CreateTopicCommand, SNSClient } from "sandbox-engine/aws/client-sns";
import { SQSClient } from "sandbox-engine/aws/client-sqs";
import { bodies, givenQueue, subscribeQueue, type SnsFixture } from "./sns-helpers.ts";

/** A topic with a subscribed queue; `messages()` reads what SES published to it (the parsed SNS Message). */
export async function givenTopicInbox(sb: Sandbox, name: string): Promise<{ topicArn: string; messages(): Promise<Array<Record<string, any>>> }> {
  const sns = new SNSClient({ sandbox: sb });
  const sqs = new SQSClient({ sandbox: sb });
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
  const fixture: SnsFixture = { sb, sns, sqs, topicArn: TopicArn! };
  const queue = await givenQueue(fixture, `${name}-queue`);
  await subscribeQueue(fixture, queue.arn);
  return {
    topicArn: TopicArn!,
    messages: async () => (await bodies(fixture, queue.url)).map((body) => JSON.parse(JSON.parse(body).Message)),
  };
}

/** What `address` received, leaving out SES's verification mails. */
export function inbox(sb: Sandbox, address: string) {
  return sb.world.mailbox(address).filter((mail) => mail.from !== "no-reply-aws@amazon.com");
}
