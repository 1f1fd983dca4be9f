/**
 * LambdaClient, shaped like @aws-sdk/client-lambda's; binding and request ids as every client (client-base.ts).
 */
import { AwsError } from "../core/aws-error.ts";
import type { MetadataBearer } from "../lambda/lambda-types.ts";
import { boundSandbox, isCommandOf, nextRequestId, readClientConfig, responseMetadata, runCommand, type SandboxClientConfig } from "./client-base.ts";
import { executeLambdaCommand, type LambdaCommand } from "./lambda-commands.ts";
import { genericLambdaError, lambdaFaultToError } from "./lambda-exceptions.ts";

export type LambdaClientConfig = SandboxClientConfig;

function badRequest(message: string): AwsError {
  return genericLambdaError("InvalidParameterValueException", message, { $metadata: { httpStatusCode: 400 } });
}

const serviceException = (message: string) =>
  new AwsError("ServiceException", message, { $fault: "server", $metadata: { httpStatusCode: 500 } });

export class LambdaClient {
  readonly config: Readonly<LambdaClientConfig>;

  constructor(config: LambdaClientConfig = {}) {
    this.config = readClientConfig(config);
  }

  async send<Input extends object, Output extends MetadataBearer>(command: LambdaCommand<Input, Output>, _options?: unknown): Promise<Output> {
    const sandbox = boundSandbox(this.config, "LambdaClient", badRequest);
    if (!isCommandOf(command, executeLambdaCommand)) {
      throw badRequest("LambdaClient.send() needs a Lambda command, such as new InvokeCommand({ FunctionName, Payload }).");
    }
    const outcome = await runCommand(() => command[executeLambdaCommand](sandbox.lambda), serviceException);
    // An Invoke answers with its invocation's request id (the one in context.awsRequestId and the logs).
    const invocationId = outcome.ok ? (outcome.value as { requestId?: unknown }).requestId : undefined;
    const requestId = typeof invocationId === "string" ? invocationId : nextRequestId(sandbox, "lambda-request-id");
    if (!outcome.ok) throw lambdaFaultToError(outcome.fault, requestId);
    return { ...outcome.value, $metadata: responseMetadata(command.httpStatus(outcome.value as never), requestId) } as unknown as Output;
  }

  /** Real clients close sockets here; a sandbox client has nothing to release. */
  destroy(): void {}
}
