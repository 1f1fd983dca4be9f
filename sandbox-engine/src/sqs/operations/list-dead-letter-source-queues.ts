/**
 * ListDeadLetterSourceQueues:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListDeadLetterSourceQueues.html
 * The queues whose RedrivePolicy names this queue as their dead-letter queue. The result field is
 * spelt `queueUrls` (lower-case q) in the API.
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { pageOf } from "../paging.ts";
import { asParams, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { ListDeadLetterSourceQueuesResult } from "../sqs-types.ts";

export function listDeadLetterSourceQueues(ctx: SqsContext, input: unknown): Outcome<ListDeadLetterSourceQueuesResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const dlqArn = found.value.arn;
  const names = [...ctx.queues.values()]
    .filter((queue) => queue.redrivePolicy?.deadLetterTargetArn === dlqArn)
    .map((queue) => queue.name)
    .sort();
  const page = pageOf(params, names);
  if (!page.ok) return page;
  return ok({
    queueUrls: page.value.items.map((name) => ctx.queues.get(name)!.url),
    ...(page.value.nextToken === undefined ? {} : { NextToken: page.value.nextToken }),
  });
}
