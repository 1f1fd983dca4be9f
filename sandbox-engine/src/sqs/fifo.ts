/**
 * FIFO specifics: MessageGroupId / MessageDeduplicationId validation, the 5-minute deduplication
 * interval, and sequence numbers. Sources: AWS-FACTS B.4 items 28-31,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagegroupid-property.html
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { ok, type Outcome } from "./sqs-outcome.ts";
import { invalid } from "./params.ts";
import type { DeduplicationEntry, Queue } from "./queue.ts";
import { DEDUPLICATION_INTERVAL_MS } from "./sqs-limits.ts";

/** 1 to 128 alphanumeric and punctuation characters (AWS-FACTS B.4 item 30). */
const FIFO_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;

export function validateFifoId(name: "MessageGroupId" | "MessageDeduplicationId", value: string): Outcome<string> {
  if (FIFO_ID.test(value)) return ok(value);
  // AWS-FACTS B.4 item 30 (validated text).
  return invalid(name, value, `${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
}

/**
 * Content-based deduplication: "a SHA-256 hash to generate the message deduplication ID using the
 * body of the message, but not the attributes" (AWS-FACTS B.4 item 29). Synchronous on purpose
 * (crypto.subtle is async): SendMessage stays a plain call and the outcome is deterministic.
 */
export function contentDeduplicationId(body: string): string {
  return bytesToHex(sha256(utf8ToBytes(body)));
}

/** The key deduplication is tracked under: the whole queue, or per message group (DeduplicationScope). */
export function deduplicationKey(queue: Queue, groupId: string, deduplicationId: string): string {
  return queue.deduplicationScope === "messageGroup" ? `${groupId}\u0000${deduplicationId}` : deduplicationId;
}

/**
 * The earlier send this one duplicates, if it is within the 5-minute interval. SQS keeps tracking
 * the id "even after the message is received and deleted" (AWS-FACTS B.4 item 28). Entries are in
 * send order, which is expiry order, so expired ones are dropped from the front.
 */
export function findDuplicate(queue: Queue, key: string, now: number): DeduplicationEntry | undefined {
  for (const [oldKey, entry] of queue.deduplication) {
    if (entry.expiresAt > now) break;
    queue.deduplication.delete(oldKey);
  }
  return queue.deduplication.get(key);
}

export function rememberDeduplication(queue: Queue, key: string, messageId: string, sequenceNumber: string, now: number): void {
  queue.deduplication.set(key, { expiresAt: now + DEDUPLICATION_INTERVAL_MS, messageId, sequenceNumber });
}

/**
 * SequenceNumber: "large, non-consecutive", 128 bits in AWS; here a 20-digit decimal string that
 * grows with each message of the queue (API_SendMessage.html).
 */
export function nextSequenceNumber(queue: Queue): string {
  queue.nextSequenceNumber += 65_536n + BigInt(queue.nextSeq % 997);
  return queue.nextSequenceNumber.toString();
}
