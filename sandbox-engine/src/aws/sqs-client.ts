/**
 * SQSClient, shaped like @aws-sdk/client-sqs's. It binds to a sandbox when send() is called:
 * the one given as `new SQSClient({ sandbox })`, else the most recently created one, so a client
 * created at module scope in learner code works.
 */
import { AwsError, faultToError } from "../errors/aws-error.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import { currentSandbox, type Sandbox } from "../sandbox.ts";
import type { MetadataBearer } from "../sqs/sqs-types.ts";
import { executeSqsCommand, type SqsCommand } from "./sqs-commands.ts";
import { genericSqsError, SQS_EXCEPTION_CLASSES } from "./sqs-exceptions.ts";

export interface SQSClientConfig {
  /** The sandbox to talk to; default: the most recently created one, looked up at send time. */
  sandbox?: Sandbox;
  /** Must match the sandbox's region when given. */
  region?: string;
  /** Accepted for compatibility with real code; the sandbox ignores them. */
  endpoint?: unknown;
  credentials?: unknown;
  maxAttempts?: number;
  [option: string]: unknown;
}

// Request ids come from their own stream, so adding a call does not shift the message ids.
const requestIdStreams = new WeakMap<Sandbox, SeededRandom>();

function nextRequestId(sandbox: Sandbox): string {
  let stream = requestIdStreams.get(sandbox);
  if (stream === undefined) {
    stream = sandbox.random.fork("request-id");
    requestIdStreams.set(sandbox, stream);
  }
  return stream.uuid();
}

function isSqsCommand(command: unknown): command is SqsCommand<object, MetadataBearer> {
  return (
    typeof command === "object" &&
    command !== null &&
    typeof (command as Record<symbol, unknown>)[executeSqsCommand] === "function"
  );
}

function badRequest(message: string): AwsError {
  return genericSqsError("InvalidParameterValue", message);
}

export class SQSClient {
  readonly config: Readonly<SQSClientConfig>;

  constructor(config: SQSClientConfig = {}) {
    this.config = typeof config === "object" && config !== null ? { ...config } : {};
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: SqsCommand<Input, Output>,
    _options?: unknown,
  ): Promise<Output> {
    const sandbox = this.config.sandbox ?? currentSandbox();
    const region = this.config.region;
    if (typeof region === "string" && region !== sandbox.region) {
      throw badRequest(
        `This sandbox simulates region ${sandbox.region}, but the SQSClient was created with region "${region}". ` +
          `Create the client with { region: "${sandbox.region}" } or without a region.`,
      );
    }
    if (!isSqsCommand(command)) {
      throw badRequest(
        "SQSClient.send() needs an SQS command, such as new SendMessageCommand({ QueueUrl, MessageBody }).",
      );
    }
    let outcome;
    try {
      outcome = await command[executeSqsCommand](sandbox.sqs);
    } catch (error) {
      if (error instanceof AwsError || (error instanceof Error && error.name === "LoopLimitError")) throw error;
      // An engine bug must still not reach the learner as a bare TypeError.
      throw new AwsError("InternalFailure", `The sandbox failed unexpectedly: ${String(error)}`, {
        $fault: "server",
        $metadata: { httpStatusCode: 500 },
      });
    }
    const requestId = nextRequestId(sandbox);
    if (!outcome.ok) throw faultToError(outcome.fault, requestId, SQS_EXCEPTION_CLASSES, genericSqsError);
    return {
      ...outcome.value,
      $metadata: { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 },
    } as unknown as Output;
  }

  /** Real clients close sockets here; a sandbox client has nothing to release. */
  destroy(): void {}
}
