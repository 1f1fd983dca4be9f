/**
 * CreateQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 * Idempotent for the same name and attributes; a different value is QueueNameExists (the SDK v3
 * name of the error the query protocol calls QueueAlreadyExists, AWS-FACTS B.1 item 15).
 */
import { fail, ok, type Outcome } from "../../errors/fault.ts";
import { asParams, requiredString } from "../params.ts";
import { queueArn, queueUrl, validateQueueName } from "../queue-address.ts";
import { DEFAULT_SETTINGS, firstConflictingAttribute, parseCreateAttributes } from "../queue-attributes.ts";
import type { Queue } from "../queue.ts";
import type { SqsContext } from "../sqs-context.ts";
import type { CreateQueueResult } from "../sqs-types.ts";

export function createQueue(ctx: SqsContext, input: unknown): Outcome<CreateQueueResult> {
  const params = asParams(input);
  const name = requiredString(params, "QueueName");
  if (!name.ok) return name;
  const valid = validateQueueName(name.value);
  if (!valid.ok) return valid;
  const attributes = parseCreateAttributes(params["Attributes"]);
  if (!attributes.ok) return attributes;

  const existing = ctx.queues.get(name.value);
  if (existing !== undefined) {
    const conflict = firstConflictingAttribute(existing, attributes.value);
    if (conflict !== undefined) {
      return fail(
        "QueueNameExists",
        `A queue already exists with the same name and a different value for attribute ${conflict}`,
        { queryCode: "QueueAlreadyExists" },
      );
    }
    return ok({ QueueUrl: existing.url });
  }

  const now = ctx.clock.now();
  const queue: Queue = {
    name: name.value,
    url: queueUrl(ctx, name.value),
    arn: queueArn(ctx, name.value),
    createdAt: now,
    lastModifiedAt: now,
    settings: { ...DEFAULT_SETTINGS, ...attributes.value.settings },
    passthrough: { ...attributes.value.passthrough },
    messages: new Map(),
    availabilityTimers: new Map(),
    pollers: new Set(),
  };
  ctx.queues.set(queue.name, queue);
  ctx.trace.record("sqs", "create-queue", queue.arn, { queueName: queue.name, queueUrl: queue.url });
  return ok({ QueueUrl: queue.url });
}
