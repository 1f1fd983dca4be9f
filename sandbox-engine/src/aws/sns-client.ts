/**
 * SNSClient, shaped like @aws-sdk/client-sns's. It binds to a sandbox when send() is called: the
 * one given as `new SNSClient({ sandbox })`, else the most recently created one.
 * Sandbox extra: `caller` (an account id or an IAM principal ARN) makes the calls as someone else,
 * to try topic policies (default: the sandbox account's root).
 */
import { AwsError, faultToError } from "../errors/aws-error.ts";
import type { Caller } from "../iam/index.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import { currentSandbox, type Sandbox } from "../sandbox.ts";
import type { MetadataBearer } from "../sns/sns-types.ts";
import { executeSnsCommand, type SnsCommand } from "./sns-commands.ts";
import { genericSnsError, SNS_EXCEPTION_CLASSES } from "./sns-exceptions.ts";

export interface SNSClientConfig {
  sandbox?: Sandbox;
  region?: string;
  /**
   * Who calls: "111122223333", "arn:aws:iam::111122223333:root" or "arn:aws:iam::111122223333:user/ana".
   * Default: the sandbox account's root user.
   */
  caller?: string;
  endpoint?: unknown;
  credentials?: unknown;
  maxAttempts?: number;
  [option: string]: unknown;
}

const requestIdStreams = new WeakMap<Sandbox, SeededRandom>();

function nextRequestId(sandbox: Sandbox): string {
  let stream = requestIdStreams.get(sandbox);
  if (stream === undefined) {
    stream = sandbox.random.fork("sns-request-id");
    requestIdStreams.set(sandbox, stream);
  }
  return stream.uuid();
}

function isSnsCommand(command: unknown): command is SnsCommand<object, MetadataBearer> {
  return typeof command === "object" && command !== null && typeof (command as Record<symbol, unknown>)[executeSnsCommand] === "function";
}

function badRequest(message: string): AwsError {
  return genericSnsError("InvalidParameterException", message, { Code: "InvalidParameter" });
}

/** "123456789012" or an IAM ARN -> the caller identity topic policies see. */
export function callerFrom(sandbox: Sandbox, caller: unknown): Caller | AwsError {
  if (caller === undefined) return { type: "AWS", arn: `arn:aws:iam::${sandbox.accountId}:root`, accountId: sandbox.accountId };
  if (typeof caller === "string" && /^\d{12}$/.test(caller)) return { type: "AWS", arn: `arn:aws:iam::${caller}:root`, accountId: caller };
  const match = typeof caller === "string" ? /^arn:aws:(?:iam|sts)::(\d{12}):.+$/.exec(caller) : null;
  if (match === null) {
    return badRequest(`SNSClient caller must be an account id ("111122223333") or an IAM ARN ("arn:aws:iam::111122223333:user/ana"), got ${String(caller)}.`);
  }
  return { type: "AWS", arn: caller as string, accountId: match[1]! };
}

export class SNSClient {
  readonly config: Readonly<SNSClientConfig>;

  constructor(config: SNSClientConfig = {}) {
    this.config = typeof config === "object" && config !== null ? { ...config } : {};
  }

  async send<Input extends object, Output extends MetadataBearer>(command: SnsCommand<Input, Output>, _options?: unknown): Promise<Output> {
    const sandbox = this.config.sandbox ?? currentSandbox();
    const region = this.config.region;
    if (typeof region === "string" && region !== sandbox.region) {
      throw badRequest(
        `This sandbox simulates region ${sandbox.region}, but the SNSClient was created with region "${region}". ` +
          `Create the client with { region: "${sandbox.region}" } or without a region.`,
      );
    }
    if (!isSnsCommand(command)) throw badRequest("SNSClient.send() needs an SNS command, such as new PublishCommand({ TopicArn, Message }).");
    const caller = callerFrom(sandbox, this.config.caller);
    if (caller instanceof AwsError) throw caller;
    let outcome;
    try {
      outcome = command[executeSnsCommand](sandbox.sns, caller);
    } catch (error) {
      if (error instanceof AwsError || (error instanceof Error && error.name === "LoopLimitError")) throw error;
      throw new AwsError("InternalErrorException", `The sandbox failed unexpectedly: ${String(error)}`, { $fault: "server", $metadata: { httpStatusCode: 500 }, Code: "InternalError" });
    }
    const requestId = nextRequestId(sandbox);
    // Let deliveries started by this call (HTTP handlers, Lambda) begin before the caller goes on.
    await Promise.resolve();
    if (!outcome.ok) throw faultToError(outcome.fault, requestId, SNS_EXCEPTION_CLASSES, genericSnsError);
    return { ...outcome.value, $metadata: { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 } } as unknown as Output;
  }

  destroy(): void {}
}
