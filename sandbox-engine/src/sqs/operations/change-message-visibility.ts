/**
 * ChangeMessageVisibility:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 * The new timeout counts from now and applies to this receipt only; 0 makes the message visible at
 * once (AWS-FACTS B.2 item 19). The 12-hour maximum counts from the receive (B.1 item 2).
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { isInFlight } from "../message.ts";
import { asParams, invalid, missing, optionalInteger, requiredString, type Params } from "../params.ts";
import { setNextVisibleAt } from "../queue-index.ts";
import type { Queue } from "../queue.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import { VISIBILITY_TIMEOUT } from "../sqs-limits.ts";
import { expiredOnFifo, lookUpReceipt } from "./receipt-lookup.ts";

/**
 * Reads VisibilityTimeout (required, 0-43200). The reason text is ours, UNVERIFIED: no snapshot
 * recorded against AWS has an out-of-range ChangeMessageVisibility.
 */
export function readVisibilityTimeout(params: Params): Outcome<number> {
  const timeout = optionalInteger(params, "VisibilityTimeout", VISIBILITY_TIMEOUT, "VisibilityTimeout must be an integer between 0 and 43200 (seconds).");
  if (!timeout.ok) return timeout;
  if (timeout.value === undefined) return missing("VisibilityTimeout");
  return ok(timeout.value);
}

/** Changes visibility by handle in a queue already found (also used by the batch operation). */
export function changeVisibilityByHandle(ctx: SqsContext, queue: Queue, handle: string, seconds: number): Outcome<Record<string, never>> {
  const receipt = lookUpReceipt(queue, handle);
  if (!receipt.ok) return receipt;
  const now = ctx.clock.now();
  // An older handle still works while the message is in flight again (moto's
  // test_change_message_visibility_on_old_message: "this is allowed in AWS"); otherwise, and for a
  // deleted message, AWS-FACTS B.2 item 20 (validated text).
  if (receipt.value.kind === "stale" || (receipt.value.kind === "older" && !isInFlight(receipt.value.message, now))) {
    return invalid("ReceiptHandle", handle, "Message does not exist or is not available for visibility timeout change.");
  }
  const message = receipt.value.message;
  const expired = expiredOnFifo(queue, message, handle, now);
  if (expired !== undefined) return expired;
  const nextVisibleAt = now + seconds * 1000;
  // Extending does not reset the 12-hour maximum (AWS-FACTS B.1 item 2). moto's wording; AWS's is
  // UNVERIFIED: the visibility-timeout guide states the rule only, and no snapshot records it.
  if (nextVisibleAt - (message.lastReceivedAt ?? now) > VISIBILITY_TIMEOUT.max * 1000) {
    return fail(
      "InvalidParameterValue",
      `Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]`,
    );
  }
  // A standard-queue message whose timeout already ran out may still be changed with its newest
  // handle (LS validated test_change_message_visibility_after_visibility_timeout_expiration).
  setNextVisibleAt(ctx, queue, message, nextVisibleAt);
  ctx.trace.record("sqs", "change-visibility", queue.arn, {
    messageId: message.messageId,
    visibilityTimeout: seconds,
    visibleAgainAt: nextVisibleAt,
  });
  return ok({});
}

export function changeMessageVisibility(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const handle = requiredString(params, "ReceiptHandle");
  if (!handle.ok) return handle;
  const timeout = readVisibilityTimeout(params);
  if (!timeout.ok) return timeout;
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  return changeVisibilityByHandle(ctx, queue.value, handle.value, timeout.value);
}
