import { createSandbox, type Sandbox } from "sandbox-engine";
import { CreateQueueCommand, SQSClient, type CreateQueueCommandInput } from "sandbox-engine/aws/client-sqs";

export interface QueueFixture {
  sb: Sandbox;
  sqs: SQSClient;
  queueUrl: string;
}

/** A fresh sandbox with one queue. */
export async function givenQueue(
  name = "orders",
  attributes?: CreateQueueCommandInput["Attributes"],
): Promise<QueueFixture> {
  const sb = createSandbox();
  const sqs = new SQSClient({ sandbox: sb });
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return { sb, sqs, queueUrl: QueueUrl! };
}

/** Awaits a promise expected to reject, and returns the error. */
export async function errorOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the request to fail, but it succeeded");
}
