/**
 * What the locked-down `fetch` of a run still answers: the execute-api URLs of the current sandbox
 * (`https://{apiId}.execute-api.{region}.amazonaws.com/...`), through `sb.apigateway.fetch`, so learner code can call
 * its API the way a client would. Anything else stays offline (network.ts).
 */
import { currentSandbox } from "../sandbox.ts";

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
