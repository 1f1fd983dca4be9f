/**
 * What the locked-down `fetch` of a run still answers: the execute-api URLs of the current sandbox
 * (`https://{apiId}.execute-api.{region}.amazonaws.com/...`), through `sb.apigateway.fetch`, so learner code can call
 * its API the way a client would. Anything else stays offline (network.ts).
 */
import { currentSandbox } from "./sandbox.ts";

export function answerSandboxFetch(input: unknown, init: unknown): Promise<Response> | undefined {
  let sandbox;
  try {
    sandbox = currentSandbox();
  } catch {
    return undefined;
  }
  if (!(typeof input === "string" || input instanceof URL || input instanceof Request) || !sandbox.apigateway.answers(input)) return undefined;
  return sandbox.apigateway.fetch(input, init as RequestInit | undefined);
}

/**
 * Gives a Node process the fetch a run has in the browser, for the same verdicts under real vitest (the project's
 * parity check, a downloaded project): the current sandbox's execute-api URLs are answered by the sandbox, and
 * every other URL goes to the fetch that was there before. Installing twice wraps once.
 */
export function installSandboxFetch(scope: { fetch: typeof fetch } = globalThis): void {
  const original = scope.fetch;
  if ((original as { sandboxAware?: true }).sandboxAware) return;
  const sandboxFetch = Object.assign(
    (input: string | URL | Request, init?: RequestInit): Promise<Response> => answerSandboxFetch(input, init) ?? original(input, init),
    { sandboxAware: true as const },
  );
  scope.fetch = sandboxFetch;
}
