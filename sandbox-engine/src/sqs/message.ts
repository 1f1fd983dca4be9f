/**
 * A message in a queue (ElasticMQ's model): "in flight" and "delayed" are not flags but follow from
 * nextVisibleAt and the clock, so there is nothing to keep in sync and counts cannot drift.
 */
import type { StoredAttributes } from "./message-attributes.ts";

export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  /** Message (user) attributes, validated copies. */
  readonly attributes: StoredAttributes;
  readonly md5OfMessageAttributes: string | undefined;
  /** Epoch ms when SendMessage accepted it; retention counts from here. */
  readonly sentTimestamp: number;
  /** Epoch ms from which it can be received (after a delay or a visibility timeout). */
  nextVisibleAt: number;
  receiveCount: number;
  firstReceiveTimestamp: number | undefined;
  /** Epoch ms of the latest receive: the 12-hour visibility maximum runs from here. */
  lastReceivedAt: number | undefined;
  /** Only the newest receipt handle acts on the message (API_DeleteMessage.html). */
  receiptHandle: string | undefined;
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
