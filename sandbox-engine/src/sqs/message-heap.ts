/**
 * An indexed binary min-heap of messages: each message remembers its slot, so removing any message
 * (a delete, a visibility change) is O(log n) and leaves no stale entry behind. Two heaps use it:
 * pending messages by (nextVisibleAt, seq) and all messages by (sentTimestamp, seq) for retention.
 */
import type { StoredMessage } from "./message.ts";

type Slot = "pendingIndex" | "retentionIndex";
type Before = (a: StoredMessage, b: StoredMessage) => boolean;

export class MessageHeap {
  readonly #items: StoredMessage[] = [];
  readonly #slot: Slot;
  readonly #before: Before;

  constructor(slot: Slot, before: Before) {
    this.#slot = slot;
    this.#before = before;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): StoredMessage | undefined {
    return this.#items[0];
  }

  push(message: StoredMessage): void {
    const i = this.#items.length;
    this.#items.push(message);
    message[this.#slot] = i;
    this.#up(i);
  }

  /** Removes `message` if this heap holds it. */
  remove(message: StoredMessage): void {
    const i = message[this.#slot];
    const items = this.#items;
    if (i < 0 || items[i] !== message) return;
    message[this.#slot] = -1;
    const last = items.pop()!;
    if (i === items.length) return;
    items[i] = last;
    last[this.#slot] = i;
    this.#down(i);
    this.#up(last[this.#slot]);
  }

  /** Every message, in no particular order (a copy). */
  toArray(): StoredMessage[] {
    return [...this.#items];
  }

  #swap(i: number, j: number): void {
    const items = this.#items;
    const a = items[i]!;
    const b = items[j]!;
    items[i] = b;
    items[j] = a;
    a[this.#slot] = j;
    b[this.#slot] = i;
  }

  #up(i: number): void {
    const items = this.#items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(items[i]!, items[parent]!)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const items = this.#items;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.#before(items[left]!, items[smallest]!)) smallest = left;
      if (right < items.length && this.#before(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
}

export const byNextVisible: Before = (a, b) =>
  a.nextVisibleAt < b.nextVisibleAt || (a.nextVisibleAt === b.nextVisibleAt && a.seq < b.seq);

export const bySentTimestamp: Before = (a, b) =>
  a.sentTimestamp < b.sentTimestamp || (a.sentTimestamp === b.sentTimestamp && a.seq < b.seq);
