/** A standard queue: its settings, its messages, and who is long-polling it. */
import type { TimerId } from "../clock/virtual-clock.ts";
import type { StoredMessage } from "./message.ts";

/** Queue attributes that change behaviour, in seconds / bytes. */
export interface QueueSettings {
  readonly VisibilityTimeout: number;
  readonly DelaySeconds: number;
  readonly MessageRetentionPeriod: number;
  readonly ReceiveMessageWaitTimeSeconds: number;
  readonly MaximumMessageSize: number;
}

export type NumericAttributeName = keyof QueueSettings;

export interface Queue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly lastModifiedAt: number;
  readonly settings: QueueSettings;
  /** Attributes stored as given but not simulated (Policy, KmsMasterKeyId, ...). */
  readonly passthrough: Readonly<Record<string, string>>;
  /** In send order, which is also the (deterministic) receive order. */
  readonly messages: Map<string, StoredMessage>;
  /** Per message: the timer that fires when it becomes visible again (delay or visibility end). */
  readonly availabilityTimers: Map<string, TimerId>;
  /** Long polls waiting on this queue, woken in arrival order when a message becomes available. */
  readonly pollers: Set<() => void>;
}
