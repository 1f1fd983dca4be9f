/**
 * SNSClient, shaped like @aws-sdk/client-sns's. It binds to a sandbox when send() is called: the
 * one given as `new SNSClient({ sandbox })`, else the most recently created one.
 * Sandbox extra: `caller` (an account id or an IAM principal ARN) makes the calls as someone else,
 * to try topic policies (default: the sandbox account's root).
 */
import { AwsError, faultToError } from "../core/aws-error.ts";
import type { Caller } from "../iam/index.ts";
import type { Sandbox } from "../sandbox.ts";
import type { MetadataBearer } from "../sns/sns-types.ts";
import { boundSandbox, isCommandOf, nextRequestId, readClientConfig, responseMetadata, runCommand, type SandboxClientConfig } from "./client-base.ts";
import { executeSnsCommand, type SnsCommand } from "./sns-commands.ts";
import { genericSnsError, SNS_EXCEPTION_CLASSES } from "./sns-exceptions.ts";

export interface SNSClientConfig extends SandboxClientConfig {
  /**
   * Who calls: "111122223333", "arn:aws:iam::111122223333:root" or "arn:aws:iam::111122223333:user/ana".
   * Default: the sandbox account's root user.
   */
  caller?: string;
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

const internalError = (message: string) =>
  new AwsError("InternalErrorException", message, { $fault: "server", $metadata: { httpStatusCode: 500 }, Code: "InternalError" });

export class SNSClient {
  readonly config: Readonly<SNSClientConfig>;

  constructor(config: SNSClientConfig = {}) {
    this.config = readClientConfig(config);
  }

  async send<Input extends object, Output extends MetadataBearer>(command: SnsCommand<Input, Output>, _options?: unknown): Promise<Output> {
    const sandbox = boundSandbox(this.config, "SNSClient", badRequest);
    if (!isCommandOf(command, executeSnsCommand)) throw badRequest("SNSClient.send() needs an SNS command, such as new PublishCommand({ TopicArn, Message }).");
    const caller = callerFrom(sandbox, this.config.caller);
    if (caller instanceof AwsError) throw caller;
    const outcome = await runCommand(() => command[executeSnsCommand](sandbox.sns, caller), internalError);
    const requestId = nextRequestId(sandbox, "sns-request-id");
    // Let deliveries started by this call (HTTP handlers, Lambda) begin before the caller goes on.
    await Promise.resolve();
    if (!outcome.ok) throw faultToError(outcome.fault, requestId, SNS_EXCEPTION_CLASSES, genericSnsError);
    return { ...outcome.value, $metadata: responseMetadata(200, requestId) } as unknown as Output;
  }

  /** Real clients close sockets here; a sandbox client has nothing to release. */
  destroy(): void {}
}
