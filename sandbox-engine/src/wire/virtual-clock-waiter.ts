/**
 * The SDK's waiters (`waitUntilFunctionActiveV2`, ...) with their polling on the sandbox's virtual clock. Each poll
 * is the SDK's own: its request and its acceptors (which answer means success, failure or "try again"). Only the
 * wait between polls is the sandbox's, with the SDK's backoff (util-waiter's exponentialBackoffWithJitter: from
 * minDelay, doubling, capped at maxDelay, random within, never past maxWaitTime) and seeded jitter.
 *
 * One poll: the SDK's `waitFor...` given an abort controller that reads as aborted polls once (the SDK checks it
 * only before waiting for a second poll) and answers ABORTED when its acceptors said "retry".
 */
import { WaiterState, checkExceptions, type WaiterConfiguration, type WaiterResult } from "@smithy/core/client";
import { InMemoryRequestHandler } from "./in-memory-request-handler.ts";

type WaitFor<Client, Input> = (params: WaiterConfiguration<Client>, input: Input) => Promise<WaiterResult>;

/** The SDK waiter's own defaults (from its source), used when the caller sets no minDelay / maxDelay. */
export interface WaiterDefaults {
  readonly minDelay: number;
  readonly maxDelay: number;
}

export function virtualClockWaitFor<Client, Input>(waitFor: WaitFor<Client, Input>, defaults: WaiterDefaults): WaitFor<Client, Input> {
  return async (params, input) => {
    const handler = (params.client as { config?: { requestHandler?: unknown } } | undefined)?.config?.requestHandler;
    // A client of a real endpoint (its own request handler) waits in real time, as the SDK does.
    if (!(handler instanceof InMemoryRequestHandler)) return waitFor(params, input);
    const clock = handler.sandbox().clock;
    const random = handler.sandbox().random.fork("sdk-waiter-jitter");
    const { minDelay, maxDelay } = { ...defaults, ...params };
    const deadline = clock.now() + params.maxWaitTime * 1000;
    const observedResponses: Record<string, number> = {};
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        if (params.abortSignal?.aborted || params.abortController?.signal?.aborted) return { state: WaiterState.ABORTED, observedResponses };
        const delayMs = backoffMs(minDelay * 1000, maxDelay * 1000, attempt, deadline - clock.now(), random.next());
        if (clock.now() + delayMs > deadline) return { state: WaiterState.TIMEOUT, observedResponses };
        await clock.sleep(delayMs);
      }
      const poll = await waitFor(
        {
          ...params,
          minDelay,
          maxDelay,
          maxWaitTime: Math.max(params.maxWaitTime, minDelay + 1),
          abortSignal: undefined,
          abortController: { signal: { aborted: true } } as never,
        },
        input,
      );
      for (const [message, count] of Object.entries(poll.observedResponses ?? {})) observedResponses[message] = (observedResponses[message] ?? 0) + count;
      if (poll.state !== WaiterState.ABORTED) return { ...poll, observedResponses };
    }
  };
}

export function virtualClockWaitUntil<Client, Input>(waitFor: WaitFor<Client, Input>, defaults: WaiterDefaults): WaitFor<Client, Input> {
  const poll = virtualClockWaitFor(waitFor, defaults);
  return async (params, input) => checkExceptions(await poll(params, input));
}

function backoffMs(minDelayMs: number, maxDelayMs: number, attempt: number, remainingMs: number, random: number): number {
  const attemptCeiling = Math.log(maxDelayMs / minDelayMs) / Math.log(2) + 1;
  if (attempt > attemptCeiling) return maxDelayMs;
  const capped = Math.min(minDelayMs * 2 ** (attempt - 1), maxDelayMs);
  const waitFor = minDelayMs + random * (capped - minDelayMs);
  return waitFor > remainingMs ? Math.max(0, remainingMs - 500) : waitFor;
}
