/**
 * Receipt handles. A fresh handle is issued on every receive: "AQEB", the queue's tag, and a random
 * nonce. The queue maps its current handles to messages, so a lookup is O(1); the fixed shape tells
 * a well-formed but outdated handle (accepted, does nothing) from garbage (ReceiptHandleIsInvalid),
 * AWS-FACTS B.2 item 21,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html
 */
import type { SeededRandom } from "../random/seeded-random.ts";
import { fillHex, prefixedBuffer } from "./ids.ts";

const PREFIX = "AQEB";
const SHAPE = /^AQEB[0-9a-f]{40}$/;

const NONCE_WORDS = 4;
/** Per queue tag, a buffer with "AQEB" + tag written (bounded: queues come and go). */
const buffers = new Map<string, number[]>();
const MAX_BUFFERS = 64;

export function newReceiptHandle(queueTag: string, random: SeededRandom): string {
  let codes = buffers.get(queueTag);
  if (codes === undefined) {
    if (buffers.size >= MAX_BUFFERS) buffers.clear();
    codes = prefixedBuffer(PREFIX + queueTag, NONCE_WORDS);
    buffers.set(queueTag, codes);
  }
  return fillHex(codes, PREFIX.length + queueTag.length, random, NONCE_WORDS);
}

/** The tag of the queue a well-formed handle was issued by, or undefined for garbage. */
export function receiptHandleQueueTag(handle: string): string | undefined {
  return SHAPE.test(handle) ? handle.slice(4, 12) : undefined;
}
