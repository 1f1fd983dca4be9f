/**
 * Queue tags: at most 50 per queue, keys 1-128 and values 0-256 characters, keys case-sensitive,
 * the "aws:" prefix reserved. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-tags.html
 * The error codes and texts AWS uses for these are UNVERIFIED (InvalidParameterValue here): the
 * tagging guide states the limits only, and the snapshots recorded against AWS tag valid queues only.
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { isPlainRecord, show } from "./params.ts";
import { MAX_TAGS } from "./sqs-limits.ts";

export function parseTags(raw: unknown, parameter: string): Outcome<ReadonlyMap<string, string>> {
  const tags = new Map<string, string>();
  if (raw === undefined || raw === null) return ok(tags);
  if (!isPlainRecord(raw)) {
    return fail("InvalidParameterValue", `${parameter} must be an object of tag keys to string values, such as { team: "orders" }; got ${show(raw)}.`);
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key.length < 1 || key.length > 128) {
      return fail("InvalidParameterValue", `Tag key "${key}" is invalid: tag keys are 1 to 128 characters.`);
    }
    if (key.toLowerCase().startsWith("aws:")) {
      return fail("InvalidParameterValue", `Tag key "${key}" is invalid: the prefix "aws:" is reserved for AWS.`);
    }
    if (typeof value !== "string" || value.length > 256) {
      return fail("InvalidParameterValue", `Tag value for "${key}" is invalid: tag values are strings of up to 256 characters.`);
    }
    tags.set(key, value);
  }
  return ok(tags);
}

/** Refuses a change that would leave more than 50 tags on the queue. */
export function checkTagCount(count: number): Outcome<true> {
  if (count > MAX_TAGS) {
    return fail("InvalidParameterValue", `Too many tags: a queue can have at most ${MAX_TAGS} tags, this would give it ${count}.`);
  }
  return ok(true);
}
