/**
 * CreateQueue: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 * Idempotent for the same name and attributes; a different value is QueueNameExists (the SDK v3
 * name of the error the query protocol calls QueueAlreadyExists, AWS-FACTS B.1 item 15). A name
 * deleted less than 60 s ago is QueueDeletedRecently (B.1 item 14).
 */
import { fail, ok, type Outcome } from "../sqs-outcome.ts";
import { MessageHeap, byNextVisible, bySentTimestamp } from "../message-heap.ts";
import { asParams, requiredString } from "../params.ts";
import { queueArn, queueUrl, validateQueueName } from "../queue-address.ts";
import { checkFifoThroughput, defaultAttributeValues, firstConflictingAttribute, parseQueueAttributes } from "../queue-attributes.ts";
import type { Queue } from "../queue.ts";
import { checkRedriveTarget } from "../redrive-policy.ts";
import type { SqsContext } from "../sqs-context.ts";
import { QUEUE_NAME_REUSE_DELAY_MS } from "../sqs-limits.ts";
import type { CreateQueueResult } from "../sqs-types.ts";
import { checkTagCount, parseTags } from "../tags.ts";

/** 8 hex characters, distinct per queue of a sandbox (an odd multiplier is a bijection mod 2^32). */
function queueTag(counter: number): string {
  return (Math.imul(counter + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0");
}

export function createQueue(ctx: SqsContext, input: unknown): Outcome<CreateQueueResult> {
  const params = asParams(input);
  const name = requiredString(params, "QueueName");
  if (!name.ok) return name;
  const valid = validateQueueName(name.value);
  if (!valid.ok) return valid;
  const fifoName = name.value.endsWith(".fifo");
  const attributes = parseQueueAttributes(params["Attributes"], { kind: "create", fifoName });
  if (!attributes.ok) return attributes;
  const tags = parseTags(params["tags"], "tags");
  if (!tags.ok) return tags;
  const tagCount = checkTagCount(tags.value.size);
  if (!tagCount.ok) return tagCount;

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
  const deletedAt = ctx.deletedAt.get(name.value);
  if (deletedAt !== undefined && now < deletedAt + QUEUE_NAME_REUSE_DELAY_MS) {
    const waitSeconds = Math.ceil((deletedAt + QUEUE_NAME_REUSE_DELAY_MS - now) / 1000);
    return fail(
      "QueueDeletedRecently",
      "You must wait 60 seconds after deleting a queue before you can create another with the same name.",
      { queryCode: "AWS.SimpleQueueService.QueueDeletedRecently", hint: `Wait ${waitSeconds} more s, or use another name.` },
    );
  }

  const arn = queueArn(ctx, name.value);
  const redrive = attributes.value.redrivePolicy;
  if (redrive) {
    const target = checkRedriveTarget(ctx, { arn, fifo: fifoName }, redrive, attributes.value.values.get("RedrivePolicy")!);
    if (!target.ok) return target;
  }
  const values = defaultAttributeValues(fifoName);
  for (const [key, value] of attributes.value.values) values.set(key, value);
  const throughput = checkFifoThroughput(values);
  if (!throughput.ok) return throughput;

  const settings = {
    VisibilityTimeout: Number(values.get("VisibilityTimeout")),
    DelaySeconds: Number(values.get("DelaySeconds")),
    MessageRetentionPeriod: Number(values.get("MessageRetentionPeriod")),
    ReceiveMessageWaitTimeSeconds: Number(values.get("ReceiveMessageWaitTimeSeconds")),
    MaximumMessageSize: Number(values.get("MaximumMessageSize")),
  };
  const queue: Queue = {
    name: name.value,
    url: queueUrl(ctx, name.value),
    arn,
    tag: queueTag(ctx.counters.queue++),
    fifo: fifoName,
    createdAt: now,
    lastModifiedAt: now,
    settings,
    attributes: values,
    redrivePolicy: redrive ?? undefined,
    redriveAllowPolicy: attributes.value.redriveAllowPolicy ?? undefined,
    contentBasedDeduplication: values.get("ContentBasedDeduplication") === "true",
    deduplicationScope: values.get("DeduplicationScope") === "messageGroup" ? "messageGroup" : "queue",
    tags: new Map(tags.value),
    messages: new Map(),
    handles: new Map(),
    readyHead: undefined,
    readyTail: undefined,
    pending: new MessageHeap("pendingIndex", byNextVisible),
    retention: new MessageHeap("retentionIndex", bySentTimestamp),
    groups: new Map(),
    availableGroups: new Set(),
    inFlight: 0,
    nextSeq: 0,
    // A 20-digit start, like AWS's sequence numbers (e.g. 18849496460467696128).
    nextSequenceNumber: 18_000_000_000_000_000_000n + BigInt(ctx.counters.queue) * 1_000_000_000_000n,
    deduplication: new Map(),
    wakeTimer: undefined,
    wakeAt: 0,
    pollers: new Set(),
    lastPurgeAt: undefined,
    deleted: false,
  };
  ctx.queues.set(queue.name, queue);
  ctx.queuesByUrl.set(queue.url, queue);
  ctx.queuesByArn.set(queue.arn, queue);
  ctx.trace.record("sqs", "create-queue", queue.arn, { queueName: queue.name, queueUrl: queue.url, fifo: queue.fifo });
  return ok({ QueueUrl: queue.url });
}
