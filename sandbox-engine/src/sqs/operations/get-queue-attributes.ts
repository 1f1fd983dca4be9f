/** GetQueueAttributes: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, optionalStringList, requiredString } from "../params.ts";
import { renderAttributes } from "../queue-attributes.ts";
import { findQueue, type SqsContext } from "../sqs-context.ts";
import type { GetQueueAttributesResult } from "../sqs-types.ts";

export function getQueueAttributes(ctx: SqsContext, input: unknown): Outcome<GetQueueAttributesResult> {
  const params = asParams(input);
  const url = requiredString(params, "QueueUrl");
  if (!url.ok) return url;
  const names = optionalStringList(params, "AttributeNames");
  if (!names.ok) return names;
  const queue = findQueue(ctx, url.value);
  if (!queue.ok) return queue;
  // With no AttributeNames, AWS returns no attributes at all.
  if (names.value === undefined || names.value.length === 0) return ok({});
  const attributes = renderAttributes(queue.value, names.value, ctx.clock.now());
  if (!attributes.ok) return attributes;
  return ok({ Attributes: attributes.value });
}
