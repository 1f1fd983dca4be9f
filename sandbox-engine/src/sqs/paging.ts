/**
 * Paging for ListQueues and ListDeadLetterSourceQueues: MaxResults 1-1000 and an opaque NextToken
 * (API_ListQueues.html). Without MaxResults, ListQueues returns up to 1000 URLs and no token.
 * The token here encodes the last name returned. The text for a bad token is ours, UNVERIFIED: the
 * ListQueues reference calls the token opaque, and no snapshot recorded against AWS sends a bad one.
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { optionalInteger, optionalString, type Params } from "./params.ts";
import { LIST_MAX_RESULTS } from "./sqs-limits.ts";

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

const TOKEN_PREFIX = "sandbox-page:";

/** Pages `sortedNames` (already filtered and sorted) by the request's MaxResults / NextToken. */
export function pageOf(params: Params, sortedNames: readonly string[]): Outcome<Page<string>> {
  const max = optionalInteger(params, "MaxResults", LIST_MAX_RESULTS, "Must be between 1 and 1000, if provided.");
  if (!max.ok) return max;
  const token = optionalString(params, "NextToken");
  if (!token.ok) return token;
  let start = 0;
  if (token.value !== undefined) {
    let after: string;
    try {
      const decoded = atob(token.value);
      if (!decoded.startsWith(TOKEN_PREFIX)) throw new Error("not a token");
      after = decoded.slice(TOKEN_PREFIX.length);
    } catch {
      return fail("InvalidParameterValue", "Invalid NextToken value.", {
        hint: "Pass the NextToken from the previous response unchanged, with the same QueueNamePrefix.",
      });
    }
    start = sortedNames.findIndex((name) => name > after);
    if (start < 0) start = sortedNames.length;
  }
  const size = max.value ?? LIST_MAX_RESULTS.max;
  const items = sortedNames.slice(start, start + size);
  const more = max.value !== undefined && start + size < sortedNames.length;
  return ok({ items, nextToken: more ? btoa(TOKEN_PREFIX + items[items.length - 1]) : undefined });
}
