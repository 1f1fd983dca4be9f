/** Reading SNS request parameters (any value accepted; faults, never throws). */
import { fail, ok } from "../core/outcome.ts";
import { isPlainRecord, show } from "../core/params.ts";
import { invalidParameter } from "./sns-context.ts";
import type { SnsOutcome } from "./sns-faults.ts";

export { asParams, isPlainRecord, show, type Params } from "../core/params.ts";

/** A required string: missing/empty is InvalidParameter "Invalid parameter: <Name>" (the SNS style). */
export function required(params: Readonly<Record<string, unknown>>, name: string, label = name): SnsOutcome<string> {
  const value = params[name];
  if (typeof value !== "string" || value === "") {
    return invalidParameter(`Invalid parameter: ${label}`, value === undefined || value === null || value === "" ? `${name} is required.` : `${name} must be a string, got ${show(value)}.`);
  }
  return ok(value);
}

export function optional(params: Readonly<Record<string, unknown>>, name: string): SnsOutcome<string | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== "string") return invalidParameter(`Invalid parameter: ${name}`, `${name} must be a string, got ${show(value)}.`);
  return ok(value);
}

/** A string -> string map (Attributes). */
export function stringMap(params: Readonly<Record<string, unknown>>, name: string): SnsOutcome<Map<string, string>> {
  const value = params[name];
  const out = new Map<string, string>();
  if (value === undefined || value === null) return ok(out);
  if (!isPlainRecord(value)) return invalidParameter(`Invalid parameter: ${name}`, `${name} must be an object of strings.`);
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (typeof item !== "string") return invalidParameter(`Invalid parameter: ${name}`, `${name}.${key} must be a string (e.g. "true", or JSON.stringify(...)), got ${show(item)}.`);
    out.set(key, item);
  }
  return ok(out);
}

/** Tags: [{ Key, Value }] (https://docs.aws.amazon.com/sns/latest/dg/sns-tags.html: 50 per topic, keys 1-128, values 0-256). */
export function parseTagList(raw: unknown): SnsOutcome<Map<string, string>> {
  const tags = new Map<string, string>();
  if (raw === undefined || raw === null) return ok(tags);
  if (!Array.isArray(raw)) return invalidParameter("Invalid parameter: Tags", 'Tags must be a list like [{ Key: "team", Value: "orders" }].');
  for (const tag of raw) {
    if (!isPlainRecord(tag) || typeof tag["Key"] !== "string" || typeof tag["Value"] !== "string") {
      return invalidParameter("Invalid parameter: Tags", `Each tag needs a string Key and Value, got ${show(tag)}.`);
    }
    const key = tag["Key"];
    if (key.length < 1 || key.length > 128 || tag["Value"].length > 256 || key.toLowerCase().startsWith("aws:")) {
      return invalidParameter(`Invalid parameter: Tags Reason: Tag "${key}" is invalid`, "Tag keys are 1-128 characters, not starting with aws:; values at most 256.");
    }
    // AWS-recorded (LocalStack's test_tags snapshot): a key twice in one request is refused.
    if (tags.has(key)) return invalidParameter("Invalid parameter: Duplicated keys are not allowed.", `The tag key "${key}" appears twice.`);
    tags.set(key, tag["Value"]);
  }
  return ok(tags);
}

export const MAX_TAGS = 50;

export function tagLimit() {
  return fail("TagLimitExceededException", "Could not complete request: tag quota of per resource exceeded", { queryCode: "TagLimitExceeded" });
}

/** Paging over ARNs, 100 per page (ListTopics / ListSubscriptions return up to 100). */
export function page<T>(items: readonly T[], token: string | undefined, key: (item: T) => string): SnsOutcome<{ items: T[]; next: string | undefined }> {
  let start = 0;
  if (token !== undefined) {
    let after: string;
    try {
      after = atob(token);
    } catch {
      return invalidParameter("Invalid parameter: NextToken", "Pass the NextToken of the previous response unchanged.");
    }
    const index = items.findIndex((item) => key(item) === after);
    if (index < 0) return invalidParameter("Invalid parameter: NextToken", "Pass the NextToken of the previous response unchanged.");
    start = index + 1;
  }
  const slice = items.slice(start, start + 100);
  const more = start + 100 < items.length;
  return ok({ items: slice, next: more ? btoa(key(slice[slice.length - 1]!)) : undefined });
}
