/** A queue (standard or FIFO): its settings, its messages and their indexes, and who is long-polling it. */
import type { TimerId } from "../clock/virtual-clock.ts";
import type { MessageHeap } from "./message-heap.ts";
import type { MessageGroup, StoredMessage } from "./message.ts";

/** Queue attributes that change behaviour, in seconds / bytes. */
export interface QueueSettings {
  VisibilityTimeout: number;
  DelaySeconds: number;
  MessageRetentionPeriod: number;
  ReceiveMessageWaitTimeSeconds: number;
  MaximumMessageSize: number;
}

export type NumericAttributeName = keyof QueueSettings;

/** RedrivePolicy (sqs-dead-letter-queues.html). */
export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** RedriveAllowPolicy: who may use this queue as a dead-letter queue (sqs-dead-letter-queues.html). */
export interface RedriveAllowPolicy {
  readonly redrivePermission: "allowAll" | "denyAll" | "byQueue";
  readonly sourceQueueArns: readonly string[];
}

/** What a FIFO send remembers for the 5-minute deduplication interval (SQS-DEDUP). */
export interface DeduplicationEntry {
  readonly expiresAt: number;
  readonly messageId: string;
  readonly sequenceNumber: string;
}

export interface Queue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  /** Names the queue inside its receipt handles, so another queue's handle is told apart. */
  readonly tag: string;
  readonly fifo: boolean;
  /** Epoch ms. */
  readonly createdAt: number;
  lastModifiedAt: number;
  readonly settings: QueueSettings;
  /**
   * Every attribute set on the queue as GetQueueAttributes returns it (canonical strings), except
   * the counts and timestamps computed on demand.
   */
  readonly attributes: Map<string, string>;
  redrivePolicy: RedrivePolicy | undefined;
  redriveAllowPolicy: RedriveAllowPolicy | undefined;
  contentBasedDeduplication: boolean;
  deduplicationScope: "queue" | "messageGroup";
  readonly tags: Map<string, string>;

  /** Every live message, by key. */
  readonly messages: Map<number, StoredMessage>;
  /** Every receipt handle of a live message (the newest and older ones) -> message. */
  readonly handles: Map<string, StoredMessage>;
  /** Standard queues: visible messages in the order they will be received (a linked list). */
  readyHead: StoredMessage | undefined;
  readyTail: StoredMessage | undefined;
  /** Delayed and in-flight messages by (nextVisibleAt, seq). */
  readonly pending: MessageHeap;
  /** Every message by (sentTimestamp, seq): the next one to expire is on top. */
  readonly retention: MessageHeap;
  /** FIFO: message groups with live messages, and those a receive may take from now, in order. */
  readonly groups: Map<string, MessageGroup>;
  readonly availableGroups: Set<MessageGroup>;
  /** Messages received and not yet visible again, deleted or moved. */
  inFlight: number;
  nextSeq: number;
  nextSequenceNumber: bigint;
  /** FIFO deduplication: key -> entry, in send order (so also in expiry order). */
  readonly deduplication: Map<string, DeduplicationEntry>;
  /** The queue's one wake-up timer: the earliest moment a pending message becomes visible. */
  wakeTimer: TimerId | undefined;
  wakeAt: number;
  /** Long polls waiting on this queue, woken in arrival order when a message becomes available. */
  readonly pollers: Set<() => void>;
  lastPurgeAt: number | undefined;
  deleted: boolean;
}
