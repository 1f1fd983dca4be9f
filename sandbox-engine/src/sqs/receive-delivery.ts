/**
 * SQS as a delivery target (core/delivery.ts): another service (SNS, a Lambda destination) sends a
 * message to a queue by its ARN. SQS checks its queue policy first (queue-policy.ts), then sends as
 * SendMessage would, with the sender's trace event as the send's cause.
 */
import { arnName } from "../core/arn.ts";
import type { DeliveryCheck, DeliveryReceiver, DeliverySource, DeliveryVerdict } from "../core/delivery.ts";
import { sendMessage } from "./operations/send-message.ts";
import type { Queue } from "./queue.ts";
import { queueByArn, type SqsContext } from "./sqs-context.ts";
import { checkQueuePolicy, type PolicyCache } from "./queue-policy.ts";

/** What the receiver checks before sending: the queue exists and its policy lets the sender send to it. */
function admit(ctx: SqsContext, policies: PolicyCache, arn: string, source: DeliverySource): { readonly status: "allowed"; readonly queue: Queue } | Exclude<DeliveryVerdict, { status: "allowed" }> {
  const queue = queueByArn(ctx, arn);
  if (queue === undefined || queue.deleted) return { status: "rejected", reason: `queue ${arnName(arn)} does not exist (was it deleted?)` };
  const permission = checkQueuePolicy(policies, queue, source);
  return permission.allowed ? { status: "allowed", queue } : { status: "refused", reason: permission.reason };
}

export function sqsDelivery(ctx: SqsContext): { readonly receive: DeliveryReceiver; readonly check: DeliveryCheck } {
  const policies: PolicyCache = new Map();
  const check: DeliveryCheck = (arn, source) => {
    const admitted = admit(ctx, policies, arn, source);
    return admitted.status === "allowed" ? { status: "allowed" } : admitted;
  };
  const receive: DeliveryReceiver = (arn, payload, source) => {
    const admitted = admit(ctx, policies, arn, source);
    if (admitted.status !== "allowed") return admitted;
    const { queue } = admitted;
    const sent = sendMessage(
      ctx,
      {
        QueueUrl: queue.url,
        MessageBody: payload.body,
        ...(payload.attributes === undefined ? {} : { MessageAttributes: payload.attributes }),
        ...(payload.groupId === undefined ? {} : { MessageGroupId: payload.groupId }),
        ...(payload.deduplicationId === undefined ? {} : { MessageDeduplicationId: payload.deduplicationId }),
      },
      source.cause ?? -1,
    );
    if (!sent.ok) return { status: "rejected", reason: `queue ${queue.name} refused the message: ${sent.fault.message}` };
    return { status: "delivered", detail: `SQS message ${sent.value.MessageId}` };
  };
  return { receive, check };
}
