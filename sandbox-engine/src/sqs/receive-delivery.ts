/**
 * SQS as a delivery target (core/delivery.ts): another service (SNS, a Lambda destination) sends a
 * message to a queue by its ARN. SQS checks its queue policy first (queue-policy.ts), then sends as
 * SendMessage would, with the sender's trace event as the send's cause.
 */
import { arnName } from "../core/arn.ts";
import type { DeliveryReceiver } from "../core/delivery.ts";
import { sendMessage } from "./operations/send-message.ts";
import { queueByArn, type SqsContext } from "./sqs-context.ts";
import { checkQueuePolicy, type PolicyCache } from "./queue-policy.ts";

export function sqsDeliveryReceiver(ctx: SqsContext): DeliveryReceiver {
  const policies: PolicyCache = new Map();
  return (arn, payload, source) => {
    const queue = queueByArn(ctx, arn);
    if (queue === undefined || queue.deleted) return { status: "rejected", reason: `queue ${arnName(arn)} does not exist (was it deleted?)` };
    const verdict = checkQueuePolicy(policies, queue, source);
    if (!verdict.allowed) return { status: "refused", reason: verdict.reason };
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
}
