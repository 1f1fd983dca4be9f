/**
 * Calling the Lambda function of a proxy integration: through the delivery router as apigateway.amazonaws.com
 * with the method's execute-api ARN as aws:SourceArn, so Lambda checks the function's resource-based policy
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html: "API Gateway needs permission
 * to invoke the function"). The call waits at most the integration timeout, on the virtual clock.
 */
import type { DeliveryReply } from "../../core/delivery.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";

export type FunctionAnswer =
  | { readonly kind: "reply"; readonly reply: DeliveryReply }
  /** Lambda refused or failed the invocation (no permission, no function, throttled). */
  | { readonly kind: "not-invoked"; readonly reason: string }
  | { readonly kind: "timeout" };

export interface FunctionCall {
  readonly functionArn: string;
  readonly event: unknown;
  readonly sourceArn: string;
  readonly timeoutMs: number;
  readonly label: string;
  /** The trace seq of the request. */
  readonly cause: number;
}

export async function invokeFunction(context: ApiGatewayContext, call: FunctionCall): Promise<FunctionAnswer> {
  const body = JSON.stringify(call.event);
  const deadline = context.clock.waitUntil(context.clock.now() + call.timeoutMs);
  const delivery = Promise.resolve(
    context.targets.deliver(
      call.functionArn,
      { body, event: call.event, invocationType: "RequestResponse" },
      {
        principal: { type: "Service", service: "apigateway.amazonaws.com" },
        sourceArn: call.sourceArn,
        sourceAccount: context.accountId,
        label: call.label,
        cause: call.cause,
      },
    ),
  ).then((outcome): FunctionAnswer => {
    deadline.wake();
    if (outcome.status === "delivered" && outcome.reply !== undefined) return { kind: "reply", reply: outcome.reply };
    if (outcome.status === "delivered") return { kind: "not-invoked", reason: "the function answered no payload" };
    return { kind: "not-invoked", reason: outcome.reason };
  });
  const timedOut = deadline.done.then((ended): FunctionAnswer | undefined => (ended === "due" ? { kind: "timeout" } : undefined));
  const first = await Promise.race([delivery, timedOut]);
  return first ?? (await delivery);
}
