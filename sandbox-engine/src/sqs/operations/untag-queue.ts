/** UntagQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_UntagQueue.html (unknown keys are ignored). */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, missing, optionalStringList, requiredString } from "../params.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { ListQueueTagsResult } from "../sqs-types.ts";
import { checkTagCount, parseTags } from "../tags.ts";


export function untagQueue(ctx: SqsContext, input: unknown): Outcome<Record<string, never>> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const keys = optionalStringList(params, "TagKeys");
  if (!keys.ok) return keys;
  if (keys.value === undefined) return missing("TagKeys");
  const found = findQueue(ctx, url.value);
  if (!found.ok) return found;
  for (const key of keys.value) found.value.tags.delete(key);
  ctx.trace.record("sqs", "tag-queue", found.value.arn, { untagged: keys.value.join(",") });
  return ok({});
}
