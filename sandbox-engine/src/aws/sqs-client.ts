/**
 * SQSClient, shaped like @aws-sdk/client-sqs's; binding and request ids as every client (client-base.ts).
 */
import { AwsError, faultToError } from "../core/aws-error.ts";
import type { MetadataBearer } from "../sqs/sqs-types.ts";
import { boundSandbox, isCommandOf, nextRequestId, readClientConfig, responseMetadata, runCommand, type SandboxClientConfig } from "./client-base.ts";
import { executeSqsCommand, type SqsCommand } from "./sqs-commands.ts";
import { genericSqsError, SQS_EXCEPTION_CLASSES } from "./sqs-exceptions.ts";

export type SQSClientConfig = SandboxClientConfig;

function badRequest(message: string): AwsError {
  return genericSqsError("InvalidParameterValue", message);
}

const internalFailure = (message: string) =>
  new AwsError("InternalFailure", message, { $fault: "server", $metadata: { httpStatusCode: 500 } });

export class SQSClient {
  readonly config: Readonly<SQSClientConfig>;

  constructor(config: SQSClientConfig = {}) {
    this.config = readClientConfig(config);
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: SqsCommand<Input, Output>,
    _options?: unknown,
  ): Promise<Output> {
    const sandbox = boundSandbox(this.config, "SQSClient", badRequest);
    if (!isCommandOf(command, executeSqsCommand)) {
      throw badRequest(
        "SQSClient.send() needs an SQS command, such as new SendMessageCommand({ QueueUrl, MessageBody }).",
      );
    }
    const outcome = await runCommand(() => command[executeSqsCommand](sandbox.sqs), internalFailure);
    const requestId = nextRequestId(sandbox, "request-id");
    if (!outcome.ok) throw faultToError(outcome.fault, requestId, SQS_EXCEPTION_CLASSES, genericSqsError);
    return { ...outcome.value, $metadata: responseMetadata(200, requestId) } as unknown as Output;
  }

  /** Real clients close sockets here; a sandbox client has nothing to release. */
  destroy(): void {}
}
