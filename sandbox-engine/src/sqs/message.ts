/**
 * A message in a queue (ElasticMQ's model): "in flight" and "delayed" are not flags but follow from
 * nextVisibleAt and the clock. The queue keeps indexes (a ready list, a pending heap) so a receive
 * finds a visible message in O(1); `location` only says which index holds the message, and after
 * syncQueue(queue, now) it is "ready" exactly when isVisible(message, now) (queue-index.ts).
 */
import type { StoredAttributes } from "./message-attributes.ts";

export type MessageLocation = "ready" | "pending" | "gone";

/** A FIFO message group: its live messages in order. */
export interface MessageGroup {
  readonly id: string;
  head: StoredMessage | undefined;
  tail: StoredMessage | undefined;
}

export class StoredMessage {
  /** Unique inside a sandbox; keys the queue's map (a duplicate copy shares the MessageId). */
  readonly key: number;
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: StoredAttributes;
  readonly md5OfMessageAttributes: string | undefined;
  /** The AWSTraceHeader system attribute, if sent. */
  readonly traceHeader: string | undefined;
  readonly md5OfMessageSystemAttributes: string | undefined;
  /** Epoch ms of the original enqueue; kept on a dead-letter move, retention counts from here. */
  readonly sentTimestamp: number;
  /** Enqueue order inside its queue: breaks ties between messages visible at the same ms. */
  readonly seq: number;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
  /** Set on a message moved to a dead-letter queue: the ARN it came from. */
  readonly deadLetterSourceArn: string | undefined;

  /** Epoch ms from which it can be received (after a delay or a visibility timeout). */
  nextVisibleAt: number;
  receiveCount = 0;
  firstReceiveTimestamp: number | undefined = undefined;
  /** Epoch ms of the latest receive: the 12-hour visibility maximum runs from here. */
  lastReceivedAt: number | undefined = undefined;
  /** Only the newest receipt handle deletes the message (API_DeleteMessage.html). */
  receiptHandle: string | undefined = undefined;
  /** Trace seq of the send that enqueued it (-1: unknown), the cause of its receives. */
  sentSeq = -1;
  /** Handles of earlier receives, still mapped by the queue while the message lives. */
  olderHandles: string[] | undefined = undefined;

  // Index bookkeeping, owned by queue-index.ts.
  location: MessageLocation = "gone";
  prev: StoredMessage | undefined = undefined;
  next: StoredMessage | undefined = undefined;
  group: MessageGroup | undefined = undefined;
  groupPrev: StoredMessage | undefined = undefined;
  groupNext: StoredMessage | undefined = undefined;
  pendingIndex = -1;
  retentionIndex = -1;

  constructor(
    init: {
    messageId: string;
    body: string;
    md5OfBody: string;
    attributes: StoredAttributes;
    md5OfMessageAttributes: string | undefined;
    traceHeader: string | undefined;
    md5OfMessageSystemAttributes: string | undefined;
    sentTimestamp: number;
    nextVisibleAt: number;
    groupId: string | undefined;
    deduplicationId: string | undefined;
    sequenceNumber: string | undefined;
    deadLetterSourceArn: string | undefined;
    },
    key: number,
    seq: number,
  ) {
    this.key = key;
    this.messageId = init.messageId;
    this.body = init.body;
    this.md5OfBody = init.md5OfBody;
    this.attributes = init.attributes;
    this.md5OfMessageAttributes = init.md5OfMessageAttributes;
    this.traceHeader = init.traceHeader;
    this.md5OfMessageSystemAttributes = init.md5OfMessageSystemAttributes;
    this.sentTimestamp = init.sentTimestamp;
    this.seq = seq;
    this.nextVisibleAt = init.nextVisibleAt;
    this.groupId = init.groupId;
    this.deduplicationId = init.deduplicationId;
    this.sequenceNumber = init.sequenceNumber;
    this.deadLetterSourceArn = init.deadLetterSourceArn;
  }
}

/**
 * THE visibility test; everything else derives from it. Visible from nextVisibleAt inclusive, so
 * a timer due at nextVisibleAt sees the message visible.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 */
export function isVisible(message: StoredMessage, now: number): boolean {
  return message.nextVisibleAt <= now;
}

/** Received and hidden by its visibility timeout ("in flight", ApproximateNumberOfMessagesNotVisible). */
export function isInFlight(message: StoredMessage, now: number): boolean {
  return !isVisible(message, now) && message.receiveCount > 0;
}

/** Never received and still inside its delay (ApproximateNumberOfMessagesDelayed). */
export function isDelayed(message: StoredMessage, now: number): boolean {
  return !isVisible(message, now) && message.receiveCount === 0;
}
