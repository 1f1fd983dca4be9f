/**
 * How standard queues deliver. AWS: standard queues give "at-least-once delivery" (a message may be
 * delivered more than once) and "best-effort ordering" (messages may arrive out of order):
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html
 *
 * By default the sandbox delivers each message once, in send order, which keeps first exercises
 * predictable. `createSandbox({ sqs: { standardQueueDelivery: "at-least-once" } })` makes it behave
 * the way a standard queue may: a receive may return messages out of order (shuffled within a small
 * window), and a received message may leave a copy behind ("a copy isn't deleted on that unavailable
 * server"), which a later receive returns again with the same MessageId and body. Both come from
 * the sandbox seed (a separate stream, so message ids do not change), so a run is reproducible.
 */
import { checkFaultKeys, readFaultRate } from "../core/fault-rate.ts";

export type StandardQueueDelivery = "once-in-order" | "at-least-once";

export interface SqsOptions {
  /** "once-in-order" (default) or "at-least-once" (duplicates and reordering, seeded). */
  standardQueueDelivery?: StandardQueueDelivery;
  /** "at-least-once" only: chance that a received message leaves a duplicate behind. Default 0.1. */
  duplicateProbability?: number;
  /** "at-least-once" only: a receive picks among this many more visible messages than it returns, shuffled. Default 4. */
  reorderWindow?: number;
}

/**
 * `createSandbox({ faults: { sqs: { duplicates: 0.1 } } })`: the chaos switch for at-least-once delivery. It turns on
 * `standardQueueDelivery: "at-least-once"` with `duplicates` as the duplicateProbability (reordering within
 * `reorderWindow` comes with it); each copy left behind is traced as `sqs` / `duplicate`.
 */
export interface SqsFaults {
  /** Chance (0-1) that a received message of a standard queue leaves a copy that a later receive returns again. */
  duplicates?: number;
}

/** The options with the faults applied (faults win over `duplicateProbability`). */
export function withSqsFaults(options: SqsOptions | undefined, faults: SqsFaults | undefined): SqsOptions | undefined {
  if (faults === undefined) return options;
  checkFaultKeys("faults.sqs", faults, ["duplicates"]);
  if (faults.duplicates === undefined) return options;
  return { ...options, standardQueueDelivery: "at-least-once", duplicateProbability: readFaultRate("faults.sqs.duplicates", faults.duplicates) };
}

export interface DeliveryBehaviour {
  readonly atLeastOnce: boolean;
  readonly duplicateProbability: number;
  readonly reorderWindow: number;
}

/** Validates the option; throws a RangeError that names the fix (createSandbox turns it into an error). */
export function deliveryBehaviour(options: SqsOptions | undefined): DeliveryBehaviour {
  const mode = options?.standardQueueDelivery ?? "once-in-order";
  if (mode !== "once-in-order" && mode !== "at-least-once") {
    throw new RangeError(`sqs.standardQueueDelivery must be "once-in-order" or "at-least-once", got ${String(mode)}`);
  }
  const duplicateProbability = readFaultRate("sqs.duplicateProbability", options?.duplicateProbability ?? 0.1);
  const reorderWindow = options?.reorderWindow ?? 4;
  if (!Number.isInteger(reorderWindow) || reorderWindow < 0 || reorderWindow > 100) {
    throw new RangeError(`sqs.reorderWindow must be a whole number from 0 to 100, got ${String(reorderWindow)}`);
  }
  return { atLeastOnce: mode === "at-least-once", duplicateProbability, reorderWindow };
}
