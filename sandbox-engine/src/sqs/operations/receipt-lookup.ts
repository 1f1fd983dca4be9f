/** Resolving a ReceiptHandle parameter to the message it names (shared by Delete and ChangeVisibility). */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import type { StoredMessage } from "../message.ts";
import type { Queue } from "../queue.ts";
import { decodeReceiptHandle } from "../receipt-handle.ts";

export type ReceiptLookup =
  /** The newest handle of a message still in the queue. */
  | { readonly kind: "current"; readonly message: StoredMessage }
  /** Well-formed, but the message is gone or was received again since. */
  | { readonly kind: "stale" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function lookUpReceipt(queue: Queue, handle: string): Outcome<ReceiptLookup> {
  const parts = decodeReceiptHandle(handle);
  // A handle of another queue is treated as not valid here (AWS behaviour UNVERIFIED).
  if (parts === undefined || parts.queueArn !== queue.arn) {
    // AWS-FACTS B.2 item 21 (validated text).
    return fail("ReceiptHandleIsInvalid", `The input receipt handle "${handle}" is not a valid receipt handle.`, {
      hint: UUID.test(handle)
        ? "This looks like a MessageId. Pass the ReceiptHandle that ReceiveMessage returned with the message."
        : "Pass the ReceiptHandle from the ReceiveMessage response of this queue, unchanged.",
    });
  }
  const message = queue.messages.get(parts.messageId);
  if (message === undefined || message.receiptHandle !== handle) return ok({ kind: "stale" });
  return ok({ kind: "current", message });
}
