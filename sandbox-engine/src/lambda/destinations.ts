/**
 * Delivery to asynchronous-invocation destinations and dead-letter queues (AWS-FACTS C.4 item 19;
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). Lambda functions are invoked
 * asynchronously with the record; everything else (SQS queues, SNS topics) goes through the sandbox's
 * delivery router as the function's execution role (same account: no queue or topic policy needed).
 * Every delivery is traced; an undeliverable one (EventBridge and S3 are not simulated, a topic is
 * missing) as "destination-undeliverable". A dead-letter message carries its attributes (RequestID,
 * ErrorCode, ErrorMessage) as SQS message attributes, or as SNS message attributes of the publish.
 */
import { parseArn } from "../core/arn.ts";
import type { DeliveryOutcome } from "../core/delivery.ts";
import type { DestinationDelivery, LambdaState } from "./lambda-state.ts";

/** Set by the async module (avoids an import cycle): queues an event for a function. */
export type AsyncEnqueue = (state: LambdaState, functionName: string, event: unknown) => boolean;

export function deliverToDestination(state: LambdaState, delivery: DestinationDelivery, enqueue: AsyncEnqueue): void {
  const arn = parseArn(delivery.arn);
  const traceFailure = (reason: string): void => {
    state.trace.record("lambda", "destination-undeliverable", delivery.arn, {
      functionName: delivery.functionName, requestId: delivery.requestId, kind: delivery.kind, reason,
    });
  };
  const traceDelivered = (): void => {
    state.trace.record("lambda", delivery.kind === "dead-letter" ? "dead-letter" : "destination", delivery.arn, {
      functionName: delivery.functionName, requestId: delivery.requestId, kind: delivery.kind,
    });
  };
  if (arn === undefined) return traceFailure("not an ARN");
  if (arn.service === "lambda") {
    const name = /^function:([^:]+)/.exec(arn.resource)?.[1];
    let event: unknown;
    try {
      event = JSON.parse(delivery.message);
    } catch {
      event = delivery.message;
    }
    return name !== undefined && enqueue(state, name, event) ? traceDelivered() : traceFailure(`Function not found: ${delivery.arn}`);
  }
  if (arn.service === "s3") return traceFailure("the sandbox does not simulate S3 buckets");
  const settle = (outcome: DeliveryOutcome): void => (outcome.status === "delivered" ? traceDelivered() : traceFailure(outcome.reason));
  const outcome = state.targets.deliver(delivery.arn, { body: delivery.message, attributes: delivery.attributes }, {
    principal: { type: "Account", accountId: state.accountId },
    sourceArn: `arn:aws:lambda:${state.region}:${state.accountId}:function:${delivery.functionName}`,
    sourceAccount: state.accountId,
    label: `function ${delivery.functionName}`,
  });
  if (outcome instanceof Promise) void outcome.then(settle);
  else settle(outcome);
}
