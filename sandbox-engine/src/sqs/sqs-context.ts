/**
 * What every SQS operation works on (the state, typed in sqs-state.ts) and the helpers to find a
 * queue by URL or ARN, brought up to date with the clock.
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { parseQueueUrl } from "./queue-address.ts";
import { syncQueue } from "./queue-index.ts";
import type { Queue } from "./queue.ts";
import type { SqsContext } from "./sqs-state.ts";

export type { SqsContext } from "./sqs-state.ts";

/**
 * AWS-FACTS B.5: the SDK surfaces QueueDoesNotExist ("The specified queue does not exist.");
 * the query-protocol code is AWS.SimpleQueueService.NonExistentQueue.
 */
export function queueDoesNotExist(hint: string) {
  return fail("QueueDoesNotExist", "The specified queue does not exist.", {
    queryCode: "AWS.SimpleQueueService.NonExistentQueue",
    hint,
  });
}

/** Finds the queue a QueueUrl names, brought up to date with the clock (expiries, visibility). */
export function findQueue(ctx: SqsContext, url: string): Outcome<Queue> {
  const direct = ctx.queuesByUrl.get(url);
  if (direct !== undefined) {
    syncQueue(ctx, direct);
    return ok(direct);
  }
  const parsed = parseQueueUrl(url);
  if (parsed.kind === "not-a-url") {
    return queueDoesNotExist(
      `QueueUrl must be a queue URL like https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/orders. ` +
        `"${url}" is not one: if it is a queue name, get its URL with GetQueueUrlCommand({ QueueName }).`,
    );
  }
  const queue = ctx.queues.get(parsed.name);
  if (queue === undefined || parsed.accountId !== ctx.accountId || (parsed.region !== "" && parsed.region !== ctx.region)) {
    return queueDoesNotExist(
      `No queue at ${url} (this sandbox is region ${ctx.region}, account ${ctx.accountId}). ` +
        "Create it first with CreateQueueCommand, and use the QueueUrl it returns.",
    );
  }
  syncQueue(ctx, queue);
  return ok(queue);
}

/** The live queue with this ARN, brought up to date, if any. */
export function queueByArn(ctx: SqsContext, arn: string): Queue | undefined {
  const queue = ctx.queuesByArn.get(arn);
  if (queue !== undefined) syncQueue(ctx, queue);
  return queue;
}
