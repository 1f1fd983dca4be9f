/**
 * Request-level checks shared by the batch operations (AWS-FACTS B.1 items 9-10, B.6): an empty
 * batch, more than 10 entries, a bad or repeated entry Id. Per-entry problems are not errors of
 * the request: they are reported in `Failed` with the code the single operation would give.
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { isPlainRecord, show, type Params } from "./params.ts";
import { MAX_BATCH_ENTRIES } from "./sqs-limits.ts";
import type { BatchResultErrorEntry } from "./sqs-types.ts";

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export interface BatchEntry {
  readonly id: string;
  readonly params: Params;
}

/** `entryName` is the API's entry type, e.g. "SendMessageBatchRequestEntry". */
export function readBatchEntries(params: Params, entryName: string): Outcome<readonly BatchEntry[]> {
  const raw = params["Entries"];
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    // LS validated: the code contains EmptyBatchRequest (AWS-FACTS B.1 item 10).
    return fail("EmptyBatchRequest", `There should be at least one ${entryName} in the request.`, {
      queryCode: "AWS.SimpleQueueService.EmptyBatchRequest",
    });
  }
  if (!Array.isArray(raw)) {
    return fail("InvalidParameterValue", `Entries must be a list of entries like { Id: "1", ... }, got ${show(raw)}.`);
  }
  if (raw.length > MAX_BATCH_ENTRIES) {
    // AWS-FACTS B.1 item 9 (validated text).
    return fail(
      "TooManyEntriesInBatchRequest",
      `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${raw.length}.`,
      { queryCode: "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", hint: "Split the entries into batches of 10." },
    );
  }
  const seen = new Set<string>();
  const entries: BatchEntry[] = [];
  for (const item of raw as unknown[]) {
    const entry = isPlainRecord(item) ? item : {};
    const id = entry["Id"];
    if (typeof id !== "string" || !ENTRY_ID.test(id)) {
      // AWS-FACTS B.1 item 10 (validated text).
      return fail(
        "InvalidBatchEntryId",
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
        { queryCode: "AWS.SimpleQueueService.InvalidBatchEntryId", hint: `Entry Id ${show(id)} is not valid.` },
      );
    }
    if (seen.has(id)) {
      return fail("BatchEntryIdsNotDistinct", `Id ${id} repeated.`, {
        queryCode: "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        hint: "Give every entry of a batch its own Id.",
      });
    }
    seen.add(id);
    entries.push({ id, params: entry });
  }
  return ok(entries);
}

export function failedEntry(id: string, fault: { readonly code: string; readonly message: string; readonly fault?: "client" | "server" }): BatchResultErrorEntry {
  return { Id: id, SenderFault: (fault.fault ?? "client") === "client", Code: fault.code, Message: fault.message };
}
