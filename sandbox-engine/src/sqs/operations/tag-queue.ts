/**
 * TagQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_TagQueue.html
 * Adds or overwrites tags; at most 50 per queue (sqs-queue-tags.html).
 */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, missing, optionalStringList, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { ListQueueTagsResult } from "../sqs-types.ts";
import { checkTagCount, parseTags } from "../tags.ts";


export function tagQueue(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  if (params["Tags"] === undefined || params["Tags"] === null) return missing("Tags");
  const tags = parseTags(params["Tags"], "Tags");
  if (!tags.ok) return tags;
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  const queue = found.value;
  const merged = new Map([...queue.tags, ...tags.value]);
  const count = checkTagCount(merged.size);
  if (!count.ok) return count;
  for (const [key, value] of tags.value) queue.tags.set(key, value);
  ctx.trace.record("sqs", "tag-queue", queue.arn, { tagged: [...tags.value.keys()].join(",") });
  return ok({});
}
