/**
 * The state every SQS operation works on (queues, move tasks) and what it needs from the sandbox. Types
 * only, so the modules that index queues can name it without importing the lookups in sqs-context.ts.
 */
import type { Clock, TimerId } from "../clock/virtual-clock.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";
import type { DeliveryBehaviour } from "./delivery.ts";
import type { Queue } from "./queue.ts";

export interface SqsContext {
  readonly clock: Clock;
  readonly random: SeededRandom;
  /** A separate stream for at-least-once delivery choices, so they never shift message ids. */
  readonly deliveryRandom: SeededRandom;
  readonly delivery: DeliveryBehaviour;
  /** Where SQS records; while some sqs.onActivity callback exists, a wrapper that also wakes them (activity.ts). */
  trace: Trace;
  readonly region: string;
  readonly accountId: string;
  /** By queue name. */
  readonly queues: Map<string, Queue>;
  readonly queuesByUrl: Map<string, Queue>;
  readonly queuesByArn: Map<string, Queue>;
  /** Queue name -> epoch ms of its deletion (a name is not reusable for 60 s). */
  readonly deletedAt: Map<string, number>;
  /** Message move tasks, oldest first. */
  readonly moveTasks: MoveTask[];
  readonly counters: { messageKey: number; queue: number };
}

export type MoveTaskStatus = "RUNNING" | "COMPLETED" | "CANCELLING" | "CANCELLED" | "FAILED";

export interface MoveTask {
  readonly taskHandle: string;
  readonly sourceArn: string;
  readonly destinationArn: string | undefined;
  readonly maxNumberOfMessagesPerSecond: number | undefined;
  readonly startedAt: number;
  readonly toMove: number;
  status: MoveTaskStatus;
  moved: number;
  failureReason: string | undefined;
  timer: TimerId | undefined;
}
