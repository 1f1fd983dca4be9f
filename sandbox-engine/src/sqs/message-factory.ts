/** Building stored messages: a new one for a send, a copy for a dead-letter move, a redrive, or a duplicate. */
import type { StoredAttributes } from "./message-attributes.ts";
import { StoredMessage } from "./message.ts";
import type { Queue } from "./queue.ts";
import type { SqsContext } from "./sqs-state.ts";

export interface NewMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: StoredAttributes;
  readonly md5OfMessageAttributes: string | undefined;
  readonly traceHeader: string | undefined;
  readonly md5OfMessageSystemAttributes: string | undefined;
  readonly sentTimestamp: number;
  readonly nextVisibleAt: number;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
  readonly deadLetterSourceArn: string | undefined;
}

export function newStoredMessage(ctx: SqsContext, queue: Queue, init: NewMessage): StoredMessage {
  return new StoredMessage(init, ctx.counters.messageKey++, queue.nextSeq++);
}

/** A copy of `message` for `target`, never received there yet. */
export function copyStoredMessage(
  ctx: SqsContext,
  target: Queue,
  message: StoredMessage,
  changes: Pick<NewMessage, "sentTimestamp" | "nextVisibleAt" | "sequenceNumber" | "deadLetterSourceArn">,
): StoredMessage {
  return newStoredMessage(ctx, target, {
    messageId: message.messageId,
    body: message.body,
    md5OfBody: message.md5OfBody,
    attributes: message.attributes,
    md5OfMessageAttributes: message.md5OfMessageAttributes,
    traceHeader: message.traceHeader,
    md5OfMessageSystemAttributes: message.md5OfMessageSystemAttributes,
    groupId: message.groupId,
    deduplicationId: message.deduplicationId,
    ...changes,
  });
}
