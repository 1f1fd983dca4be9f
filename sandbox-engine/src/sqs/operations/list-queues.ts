/**
 * ListQueues: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueues.html
 * QueueNamePrefix (case-sensitive), MaxResults 1-1000 and NextToken paging. Sorted by name here
 * (AWS gives no order) so pages are stable.
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { pageOf } from "../paging.ts";
import { asParams, optionalString } from "../params.ts";
import type { SqsContext } from "../sqs-context.ts";
import type { ListQueuesResult } from "../sqs-types.ts";

export function listQueues(ctx: SqsContext, input: unknown): Outcome<ListQueuesResult> {
  const params = asParams(input);
  const prefix = optionalString(params, "QueueNamePrefix");
  if (!prefix.ok) return prefix;
  const names = [...ctx.queues.keys()].filter((name) => name.startsWith(prefix.value ?? "")).sort();
  const page = pageOf(params, names);
  if (!page.ok) return page;
  const urls = page.value.items.map((name) => ctx.queues.get(name)!.url);
  return ok({
    ...(urls.length > 0 ? { QueueUrls: urls } : {}),
    ...(page.value.nextToken === undefined ? {} : { NextToken: page.value.nextToken }),
  });
}
