/**
 * Connects SNS and the Lambda service of a sandbox, both ways, through structural types only (so
 * neither module imports the other):
 * - SNS -> Lambda: a Lambda subscription is an asynchronous Invoke (InvocationType "Event");
 * - Lambda -> SNS: an async invocation's destination or DLQ that is a topic is a Publish.
 */
import type { Outcome } from "../errors/fault.ts";
import type { LambdaInvoker, LambdaInvokeResult } from "./lambda-invoker.ts";
import type { SnsService } from "./sns-service.ts";

export interface AsyncInvokeTarget {
  invoke(input: { FunctionName: string; InvocationType: "Event"; Payload: string }): Promise<Outcome<unknown>> | Outcome<unknown>;
}

/** Lambda faults SNS treats as server-side (retried): throttling and service failures. */
const SERVER_SIDE = new Set(["TooManyRequestsException", "ServiceException", "ResourceNotReadyException", "EC2ThrottledException"]);

export function lambdaInvokerFor(lambda: AsyncInvokeTarget): LambdaInvoker {
  return {
    async invokeAsync(request): Promise<LambdaInvokeResult> {
      const outcome = await lambda.invoke({ FunctionName: request.functionArn, InvocationType: "Event", Payload: JSON.stringify(request.event) });
      if (outcome.ok) return { status: "accepted" };
      const { code, message } = outcome.fault;
      const server = SERVER_SIDE.has(code) || (outcome.fault.fault ?? "client") === "server";
      return { status: server ? "server-error" : "client-error", reason: `Lambda refused the invocation: ${code}: ${message}` };
    },
  };
}

/** A Lambda destination resolver that publishes to an SNS topic (the invocation record is the Message). */
export function snsDestinationResolver(sns: Pick<SnsService, "publish">) {
  return (delivery: { arn: string; message: string }): { delivered: boolean; reason?: string } => {
    const published = sns.publish({ TopicArn: delivery.arn, Message: delivery.message });
    return published.ok ? { delivered: true } : { delivered: false, reason: `${published.fault.code}: ${published.fault.message}` };
  };
}
