/**
 * The indexes a queue keeps over its messages, and the only code that moves a message between them.
 *
 * Invariant (after syncQueue(ctx, queue) at time now, which every operation runs first):
 *   message.location === "ready"   <=> isVisible(message, now)
 *   message.location === "pending" <=> !isVisible(message, now)  (delayed, or in flight if received)
 * Standard queues chain ready messages in a linked list (receive takes from the head in O(1));
 * FIFO queues keep every live message in its group's list, and the set of groups a receive may
 * take from (first message visible). Pending messages sit in a heap by the
 * time they become visible; the queue has one clock timer, for the earliest of them, so that
 * visibility expiries are traced at their exact time and long polls wake up.
 */
import type { MessageGroup, StoredMessage } from "./message.ts";
import type { Queue } from "./queue.ts";
import type { SqsContext } from "./sqs-state.ts";
import { DELAY_ENDED, RETENTION_EXPIRED, VISIBILITY_EXPIRED } from "./trace-shapes.ts";

function appendReady(queue: Queue, message: StoredMessage): void {
  message.prev = queue.readyTail;
  message.next = undefined;
  if (queue.readyTail === undefined) queue.readyHead = message;
  else queue.readyTail.next = message;
  queue.readyTail = message;
}

function unlinkReady(queue: Queue, message: StoredMessage): void {
  const { prev, next } = message;
  if (prev === undefined) queue.readyHead = next;
  else prev.next = next;
  if (next === undefined) queue.readyTail = prev;
  else next.prev = prev;
  message.prev = undefined;
  message.next = undefined;
}

/**
 * FIFO: a group is available when its first message is visible; a receive then takes its visible
 * messages in order up to the first one in flight. So an earlier message that became visible again
 * is served while a later one is still in flight (LS validated 2025-11,
 * test_fifo_group_visibility_extends_with_change_message_visibility), and nothing of a group is
 * served while its first message is in flight (using-messagegroupid-property.html).
 */
function refreshGroup(queue: Queue, group: MessageGroup): void {
  if (group.head === undefined) {
    queue.availableGroups.delete(group);
    queue.groups.delete(group.id);
    return;
  }
  if (group.head.location === "ready") {
    if (!queue.availableGroups.has(group)) {
      queue.availableGroups.add(group);
      notifyPollers(queue);
    }
  } else {
    queue.availableGroups.delete(group);
  }
}

/** Wakes every long poll waiting on the queue, oldest first. */
export function notifyPollers(queue: Queue): void {
  if (queue.pollers.size === 0) return;
  for (const wake of [...queue.pollers]) wake();
}

function scheduleWake(ctx: SqsContext, queue: Queue, at: number): void {
  if (queue.wakeTimer !== undefined) {
    if (queue.wakeAt <= at) return;
    ctx.clock.clearTimer(queue.wakeTimer);
  }
  queue.wakeAt = at;
  queue.wakeTimer = ctx.clock.setTimer(() => {
    queue.wakeTimer = undefined;
    if (queue.deleted) return;
    syncQueue(ctx, queue);
    const next = queue.pending.peek();
    if (next !== undefined) scheduleWake(ctx, queue, next.nextVisibleAt);
  }, Math.max(0, at - ctx.clock.now()));
}

/** Puts a detached message into the index its nextVisibleAt calls for. */
function place(ctx: SqsContext, queue: Queue, message: StoredMessage): void {
  if (message.nextVisibleAt <= ctx.clock.now()) {
    message.location = "ready";
    if (message.group === undefined) {
      appendReady(queue, message);
      notifyPollers(queue);
    } else {
      refreshGroup(queue, message.group);
    }
    return;
  }
  message.location = "pending";
  queue.pending.push(message);
  if (message.receiveCount > 0) queue.inFlight += 1;
  if (message.group !== undefined) refreshGroup(queue, message.group);
  scheduleWake(ctx, queue, message.nextVisibleAt);
}

function detach(queue: Queue, message: StoredMessage): void {
  if (message.location === "ready") {
    if (message.group === undefined) unlinkReady(queue, message);
  } else if (message.location === "pending") {
    queue.pending.remove(message);
    if (message.receiveCount > 0) queue.inFlight -= 1;
  }
  message.location = "gone";
}

/** Adds a new message (sent, moved from a dead-letter queue, or a duplicate copy). */
export function enqueue(ctx: SqsContext, queue: Queue, message: StoredMessage, groupId: string | undefined): void {
  queue.messages.set(message.key, message);
  queue.retention.push(message);
  if (groupId !== undefined) {
    let group = queue.groups.get(groupId);
    if (group === undefined) {
      group = { id: groupId, head: undefined, tail: undefined };
      queue.groups.set(groupId, group);
    }
    message.group = group;
    message.groupPrev = group.tail;
    if (group.tail === undefined) group.head = message;
    else group.tail.groupNext = message;
    group.tail = message;
  }
  place(ctx, queue, message);
}

/** Sets when the message becomes visible (a receive, a visibility change, a retroactive delay). */
export function setNextVisibleAt(ctx: SqsContext, queue: Queue, message: StoredMessage, at: number): void {
  detach(queue, message);
  message.nextVisibleAt = at;
  place(ctx, queue, message);
}

/** Marks a message received: counts, a new receipt handle, hidden until `visibleAt`. */
export function markReceived(ctx: SqsContext, queue: Queue, message: StoredMessage, handle: string, visibleAt: number): void {
  const now = ctx.clock.now();
  detach(queue, message);
  // Older handles stay known while the message lives: they may still change its visibility
  // (receipt-lookup.ts), but only the newest deletes it.
  if (message.receiptHandle !== undefined) (message.olderHandles ??= []).push(message.receiptHandle);
  message.receiveCount += 1;
  message.firstReceiveTimestamp ??= now;
  message.lastReceivedAt = now;
  message.receiptHandle = handle;
  queue.handles.set(handle, message);
  message.nextVisibleAt = visibleAt;
  place(ctx, queue, message);
}

/** Removes a message from every index: counts stay exact (no stale entries). */
export function removeMessage(queue: Queue, message: StoredMessage): void {
  detach(queue, message);
  queue.messages.delete(message.key);
  queue.retention.remove(message);
  if (message.receiptHandle !== undefined) queue.handles.delete(message.receiptHandle);
  if (message.olderHandles !== undefined) for (const handle of message.olderHandles) queue.handles.delete(handle);
  const group = message.group;
  if (group !== undefined) {
    const { groupPrev, groupNext } = message;
    if (groupPrev === undefined) group.head = groupNext;
    else groupPrev.groupNext = groupNext;
    if (groupNext === undefined) group.tail = groupPrev;
    else groupNext.groupPrev = groupPrev;
    message.groupPrev = undefined;
    message.groupNext = undefined;
    refreshGroup(queue, group);
  }
}

/**
 * Brings the queue up to the clock: drops messages past the retention period (counted from the
 * original enqueue, AWS-FACTS B.1 item 3, B.3 item 26), then makes visible every pending message
 * whose time has come, tracing each. Both checks are O(1) when nothing is due.
 */
export function syncQueue(ctx: SqsContext, queue: Queue): void {
  const now = ctx.clock.now();
  const retentionMs = queue.settings.MessageRetentionPeriod * 1000;
  let oldest = queue.retention.peek();
  while (oldest !== undefined && oldest.sentTimestamp + retentionMs <= now) {
    removeMessage(queue, oldest);
    ctx.trace.recordCompact(RETENTION_EXPIRED, queue.arn, oldest.messageId, "", oldest.sentTimestamp + retentionMs, 0);
    oldest = queue.retention.peek();
  }
  let due = queue.pending.peek();
  while (due !== undefined && due.nextVisibleAt <= now) {
    detach(queue, due);
    place(ctx, queue, due);
    ctx.trace.recordCompact(due.receiveCount > 0 ? VISIBILITY_EXPIRED : DELAY_ENDED, queue.arn, due.messageId, "", due.receiveCount, 0);
    due = queue.pending.peek();
  }
}
