/**
 * LambdaClient, shaped like @aws-sdk/client-lambda's. It binds to a sandbox when send() is called:
 * the one given as `new LambdaClient({ sandbox })`, else the most recently created one, so a
 * client created at module scope in learner code works. (Same binding as SQSClient; the SQS
 * facade's helpers are private to it, so the few lines are repeated here rather than shared.)
 */
import { AwsError } from "../errors/aws-error.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import { currentSandbox, type Sandbox } from "../sandbox.ts";
import type { MetadataBearer } from "../lambda/lambda-types.ts";
import { executeLambdaCommand, type LambdaCommand } from "./lambda-commands.ts";
import { genericLambdaError, lambdaFaultToError } from "./lambda-exceptions.ts";

export interface LambdaClientConfig {
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

// Request ids come from their own stream, so adding a call does not shift other ids.
const requestIdStreams = new WeakMap<Sandbox, SeededRandom>();

function nextRequestId(sandbox: Sandbox): string {
  let stream = requestIdStreams.get(sandbox);
  if (stream === undefined) {
    stream = sandbox.random.fork("lambda-request-id");
    requestIdStreams.set(sandbox, stream);
  }
  return stream.uuid();
}

function isLambdaCommand(command: unknown): command is LambdaCommand<object, MetadataBearer> {
  return typeof command === "object" && command !== null && typeof (command as Record<symbol, unknown>)[executeLambdaCommand] === "function";
}

function badRequest(message: string): AwsError {
  return genericLambdaError("InvalidParameterValueException", message, { $metadata: { httpStatusCode: 400 } });
}

export class LambdaClient {
  readonly config: Readonly<LambdaClientConfig>;

  constructor(config: LambdaClientConfig = {}) {
    this.config = typeof config === "object" && config !== null ? { ...config } : {};
  }

  async send<Input extends object, Output extends MetadataBearer>(command: LambdaCommand<Input, Output>, _options?: unknown): Promise<Output> {
    const sandbox = this.config.sandbox ?? currentSandbox();
    const region = this.config.region;
    if (typeof region === "string" && region !== sandbox.region) {
      throw badRequest(
        `This sandbox simulates region ${sandbox.region}, but the LambdaClient was created with region "${region}". ` +
          `Create the client with { region: "${sandbox.region}" } or without a region.`,
      );
    }
    if (!isLambdaCommand(command)) {
      throw badRequest("LambdaClient.send() needs a Lambda command, such as new InvokeCommand({ FunctionName, Payload }).");
    }
    let outcome;
    try {
      outcome = await command[executeLambdaCommand](sandbox.lambda);
    } catch (error) {
      if (error instanceof AwsError || (error instanceof Error && error.name === "LoopLimitError")) throw error;
      // An engine bug must still not reach the learner as a bare TypeError.
      throw new AwsError("ServiceException", `The sandbox failed unexpectedly: ${String(error)}`, {
        $fault: "server",
        $metadata: { httpStatusCode: 500 },
      });
    }
    const requestId = nextRequestId(sandbox);
    if (!outcome.ok) throw lambdaFaultToError(outcome.fault, requestId);
    return {
      ...outcome.value,
      $metadata: { httpStatusCode: command.httpStatus(outcome.value as never), requestId, attempts: 1, totalRetryDelay: 0 },
    } as unknown as Output;
  }

  /** Real clients close sockets here; a sandbox client has nothing to release. */
  destroy(): void {}
}
