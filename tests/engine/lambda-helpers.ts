import { createSandbox, type LambdaHandler, type Sandbox, type SandboxOptions } from "sandbox-engine";
import { InvokeCommand, LambdaClient, type InvokeCommandInput } from "sandbox-engine/aws/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient, type CreateQueueCommandInput } from "sandbox-engine/aws/client-sqs";

export const ACCOUNT = "123456789012";
export const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
export const queueArnOf = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

export interface LambdaFixture {
  sb: Sandbox;
  lambda: LambdaClient;
  sqs: SQSClient;
}

/** A fresh sandbox with Lambda and SQS clients bound to it. */
export function givenSandbox(options?: SandboxOptions): LambdaFixture {
  const sb = createSandbox(options);
  return { sb, lambda: new LambdaClient({ sandbox: sb }), sqs: new SQSClient({ sandbox: sb }) };
}

/** A sandbox with one deployed function. */
export function givenFunction(
  handler: LambdaHandler,
  config: { FunctionName?: string; Timeout?: number; MemorySize?: number; ReservedConcurrentExecutions?: number } = {},
  options?: SandboxOptions,
): LambdaFixture & { name: string } {
  const fixture = givenSandbox(options);
  const name = config.FunctionName ?? "worker";
  fixture.sb.lambda.createFunction({ ...config, FunctionName: name, handler });
  return { ...fixture, name };
}

export const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
export const decode = (payload: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(payload)) as unknown;

export function invoke(lambda: LambdaClient, input: InvokeCommandInput) {
  return lambda.send(new InvokeCommand(input));
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

/** Throws the fault of an Outcome, or returns its value. */
export function valueOf<T>(outcome: { ok: true; value: T } | { ok: false; fault: { code: string; message: string } }): T {
  if (!outcome.ok) throw new Error(`${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

export async function addQueue(sqs: SQSClient, name: string, attributes?: CreateQueueCommandInput["Attributes"]): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

export async function countsOf(sqs: SQSClient, url: string): Promise<{ visible: number; inFlight: number }> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }));
  return { visible: Number(Attributes.ApproximateNumberOfMessages), inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible) };
}

