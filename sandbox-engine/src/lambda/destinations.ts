/**
 * Delivery to asynchronous-invocation destinations and dead-letter queues (AWS-FACTS C.4 item 19;
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). SQS queues get the record as
 * the message body and Lambda functions are invoked asynchronously with it. SNS topics and
 * EventBridge buses go through a pluggable resolver (sb.lambda.setDestinationResolver), since
 * those services are not simulated yet; without one the delivery is recorded in the trace as
 * "destination-undeliverable". Every delivery is traced.
 */
import { queueUrl } from "../sqs/queue-address.ts";
import { parseArn } from "./arn.ts";
import type { DestinationDelivery, LambdaState } from "./lambda-state.ts";

/** Set by the async module (avoids an import cycle): queues an event for a function. */
export type AsyncEnqueue = (state: LambdaState, functionName: string, event: unknown) => boolean;

export function deliverToDestination(state: LambdaState, delivery: DestinationDelivery, enqueue: AsyncEnqueue): boolean {
  const arn = parseArn(delivery.arn);
  const traceFailure = (reason: string): false => {
    state.trace.record("lambda", "destination-undeliverable", delivery.arn, {
      functionName: delivery.functionName, requestId: delivery.requestId, kind: delivery.kind, reason,
    });
    return false;
  };
  if (arn === undefined) return traceFailure("not an ARN");
  let delivered = false;
  let reason = "";
  if (arn.service === "sqs") {
    const sent = state.sqs.sendMessage({ QueueUrl: queueUrl(arn, arn.resource), MessageBody: delivery.message });
    delivered = sent.ok;
    if (!sent.ok) reason = `${sent.fault.code}: ${sent.fault.message}`;
  } else if (arn.service === "lambda") {
    const name = /^function:([^:]+)/.exec(arn.resource)?.[1];
    let event: unknown;
    try {
      event = JSON.parse(delivery.message);
    } catch {
      event = delivery.message;
    }
    delivered = name !== undefined && enqueue(state, name, event);
    if (!delivered) reason = `Function not found: ${delivery.arn}`;
  } else {
    const resolver = state.resolvers.get(arn.service);
    if (resolver === undefined) {
      reason = `${arn.service.toUpperCase()} is not simulated in this sandbox yet`;
    } else {
      try {
        const result = resolver(delivery);
        delivered = result.delivered;
        reason = result.reason ?? "";
      } catch (error) {
        reason = `the ${arn.service} resolver threw: ${String(error)}`;
      }
    }
  }
  if (!delivered) return traceFailure(reason);
  state.trace.record("lambda", delivery.kind === "dead-letter" ? "dead-letter" : "destination", delivery.arn, {
    functionName: delivery.functionName, requestId: delivery.requestId, kind: delivery.kind,
  });
  return true;
}
