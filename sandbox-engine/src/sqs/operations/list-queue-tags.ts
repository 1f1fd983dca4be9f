/** ListQueueTags: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueueTags.html */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, missing, optionalStringList, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { ListQueueTagsResult } from "../sqs-types.ts";
import { checkTagCount, parseTags } from "../tags.ts";


export function listQueueTags(ctx: SqsContext, input: unknown): Outcome<ListQueueTagsResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const tags = found.value.tags;
  return ok(tags.size === 0 ? {} : { Tags: Object.fromEntries(tags) });
}
