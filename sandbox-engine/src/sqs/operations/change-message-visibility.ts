/**
 * ChangeMessageVisibility:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 * The new timeout counts from now; 0 makes the message visible at once (AWS-FACTS B.2 item 19).
 */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import { asParams, invalid, missing, optionalInteger, requiredString } from "../params.ts";
import { findQueue, scheduleAvailability, type SqsContext } from "../sqs-context.ts";
import { VISIBILITY_TIMEOUT } from "../sqs-limits.ts";
import { lookUpReceipt } from "./receipt-lookup.ts";

export function changeMessageVisibility(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const handle = requiredString(params, "ReceiptHandle");
  if (!handle.ok) return handle;
  // Range 0-43200 s (AWS-FACTS B.1 item 1); the reason text is ours (UNVERIFIED).
  const timeout = optionalInteger(
    params,
    "VisibilityTimeout",
    VISIBILITY_TIMEOUT,
    "VisibilityTimeout must be an integer between 0 and 43200 (seconds).",
  );
  if (!timeout.ok) return timeout;
  if (timeout.value === undefined) return missing("VisibilityTimeout");
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  const receipt = lookUpReceipt(queue.value, handle.value);
  if (!receipt.ok) return receipt;
  if (receipt.value.kind === "stale") {
    // AWS-FACTS B.2 item 20 (validated for a deleted message; applied to outdated handles too).
    return invalid(
      "ReceiptHandle",
      handle.value,
      "Message does not exist or is not available for visibility timeout change.",
    );
  }
  const message = receipt.value.message;
  const now = ctx.clock.now();
  const nextVisibleAt = now + timeout.value * 1000;
  // The 12-hour maximum runs from the receive, and extending does not reset it (AWS-FACTS B.1
  // item 2). Moto's wording; AWS's is UNVERIFIED.
  if (nextVisibleAt - (message.lastReceivedAt ?? now) > VISIBILITY_TIMEOUT.max * 1000) {
    return fail(
      "InvalidParameterValue",
      `Value ${timeout.value} for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]`,
    );
  }
  // A message whose timeout already ran out may still be changed with its newest handle (standard
  // queues); whether AWS answers MessageNotInflight here is UNVERIFIED.
  message.nextVisibleAt = nextVisibleAt;
  ctx.trace.record("sqs", "change-visibility", queue.value.arn, {
    messageId: message.messageId,
    visibilityTimeout: timeout.value,
    visibleAgainAt: nextVisibleAt,
  });
  scheduleAvailability(ctx, queue.value, message);
  return ok({});
}
