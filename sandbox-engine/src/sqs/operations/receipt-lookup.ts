/** Resolving a ReceiptHandle parameter to the message it names (shared by Delete and ChangeVisibility, single and batch). */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { isVisible, type StoredMessage } from "../message.ts";
import { invalid } from "../params.ts";
import type { Queue } from "../queue.ts";
import { receiptHandleQueueTag } from "../receipt-handle.ts";

export type ReceiptLookup =
  /** The newest handle of a message still in the queue. */
  | { readonly kind: "current"; readonly message: StoredMessage }
  /** A handle of an earlier receive of a message still in the queue. */
  | { readonly kind: "older"; readonly message: StoredMessage }
  /** Well-formed, but the message is gone. */
  | { readonly kind: "stale" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STALE: ReceiptLookup = { kind: "stale" };

export function lookUpReceipt(queue: Queue, handle: string): Outcome<ReceiptLookup> {
  // Fast path: the current handle of a message of this queue.
  const message = queue.handles.get(handle);
  if (message !== undefined) return ok({ kind: message.receiptHandle === handle ? "current" : "older", message });
  // A handle of another queue is treated as not valid here. UNVERIFIED: the DeleteMessage and
  // ChangeMessageVisibility references, the snapshots recorded against AWS and moto's tests were
  // searched; none uses one queue's handle on another.
  if (receiptHandleQueueTag(handle) !== queue.tag) {
    // AWS-FACTS B.2 item 21 (validated text).
    return fail("ReceiptHandleIsInvalid", `The input receipt handle "${handle}" is not a valid receipt handle.`, {
      hint: UUID.test(handle)
        ? "This looks like a MessageId. Pass the ReceiptHandle that ReceiveMessage returned with the message."
        : "Pass the ReceiptHandle from the ReceiveMessage response of this queue, unchanged.",
    });
  }
  return ok(STALE);
}

/**
 * FIFO: "DeleteMessage operations will fail if the request is received outside of the visibility
 * timeout window" (AWS-FACTS B.2 item 22, validated text).
 */
export function expiredOnFifo(queue: Queue, message: StoredMessage, handle: string, now: number) {
  if (!queue.fifo || !isVisible(message, now)) return undefined;
  return invalid("ReceiptHandle", handle, "The receipt handle has expired.");
}
