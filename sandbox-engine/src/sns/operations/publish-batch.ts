/** PublishBatch: 1-10 entries, each published as Publish would (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html). */
import { fail, ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, isPlainRecord, required, show } from "../params.ts";
import { publishRequests } from "../billing/sns-bill.ts";
import { BATCH_ID, type PreparedPublish, commit, prepare } from "../publish.ts";
import type { SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { BatchResultErrorEntry, PublishBatchResponse, PublishBatchResultEntry } from "../sns-types.ts";
import { DEFAULT_MAXIMUM_MESSAGE_SIZE, findTopic } from "../topics.ts";

export function publishBatch(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<PublishBatchResponse> {
  const params = asParams(input);
  const arn = required(params, "TopicArn");
  if (!arn.ok) return arn;
  const entries = params["PublishBatchRequestEntries"];
  if (!Array.isArray(entries) || entries.length === 0) {
    return fail("EmptyBatchRequestException", "The batch request doesn't contain any entries.", { queryCode: "EmptyBatchRequest" });
  }
  if (entries.length > 10) return fail("TooManyEntriesInBatchRequestException", "The batch request contains more entries than permissible.", { queryCode: "TooManyEntriesInBatchRequest" });
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:Publish");
  if (!allowed.ok) return allowed;
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = isPlainRecord(entry) ? entry["Id"] : undefined;
    if (typeof id !== "string" || !BATCH_ID.test(id)) {
      return fail("InvalidBatchEntryIdException", `The Id of a batch entry in the batch request ${typeof id === "string" && id.length > 80 ? "is too long" : "contains an impermissible character"}: ${show(id)}`, { queryCode: "InvalidBatchEntryId" });
    }
    if (ids.has(id)) return fail("BatchEntryIdsNotDistinctException", "Two or more batch entries in the request have the same Id.", { queryCode: "BatchEntryIdsNotDistinct" });
    ids.add(id);
  }
  // Every entry is validated before any is published: a bad entry fails the whole call, as AWS
  // does for malformed entries (LocalStack's observation; UNVERIFIED for every case: its AWS-recorded
  // snapshots cover a few malformed entries, not all).
  const prepared: PreparedPublish[] = [];
  let total = 0;
  for (const entry of entries as Record<string, unknown>[]) {
    const one = prepare(topic.value, entry);
    if (!one.ok) return one;
    total += one.value.size;
    prepared.push(one.value);
  }
  const max = Number(topic.value.attributes.get("MaximumMessageSize") ?? DEFAULT_MAXIMUM_MESSAGE_SIZE);
  if (total > max) return fail("BatchRequestTooLongException", "The length of all the messages put together is more than the limit.", { queryCode: "BatchRequestTooLong" });
  // The service counted the call as one request; each further 64 KB chunk of the batch is one more (sns-bill.ts).
  ctx.usage.requests += publishRequests(total) - 1;
  const successful: PublishBatchResultEntry[] = [];
  const failed: BatchResultErrorEntry[] = [];
  prepared.forEach((one, index) => {
    const result = commit(ctx, topic.value, one);
    successful.push({ Id: (entries[index] as Record<string, unknown>)["Id"] as string, ...result });
  });
  return ok({ Successful: successful, Failed: failed });
}
