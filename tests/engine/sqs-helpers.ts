import { createSandbox, type Sandbox, type SandboxOptions } from "sandbox-engine";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SQSClient,
  type CreateQueueCommandInput,
} from "sandbox-engine/aws/client-sqs";

export interface QueueFixture {
  sb: Sandbox;
  sqs: SQSClient;
  queueUrl: string;
}

/** A fresh sandbox with one queue. */
export async function givenQueue(
  name = "orders",
  attributes?: CreateQueueCommandInput["Attributes"],
  options?: SandboxOptions,
): Promise<QueueFixture> {
  const sb = createSandbox(options);
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

/** A FIFO queue (name gets ".fifo"), content-based deduplication unless told otherwise. */
export function givenFifoQueue(name = "orders", attributes: CreateQueueCommandInput["Attributes"] = {}): Promise<QueueFixture> {
  return givenQueue(`${name}.fifo`, { FifoQueue: "true", ContentBasedDeduplication: "true", ...attributes });
}

/** Another queue in the same sandbox; returns its URL and ARN. */
export async function addQueue(
  sqs: SQSClient,
  name: string,
  attributes?: CreateQueueCommandInput["Attributes"],
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return { url: QueueUrl!, arn: await arnOf(sqs, QueueUrl!) };
}

export async function arnOf(sqs: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  return Attributes!.QueueArn!;
}

/** ApproximateNumberOfMessages / NotVisible / Delayed as numbers. */
export async function countsOf(sqs: SQSClient, queueUrl: string): Promise<{ visible: number; inFlight: number; delayed: number }> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["All"] }));
  return {
    visible: Number(Attributes.ApproximateNumberOfMessages),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed),
  };
}
