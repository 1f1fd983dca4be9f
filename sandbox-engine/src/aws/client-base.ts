/**
 * What every SDK-shaped client of the sandbox shares: its configuration, the rule that it binds to a sandbox when
 * `send` is called (the one given as `{ sandbox }`, else the most recently created one, so a client created at
 * module scope in learner code works), request ids, and the net that keeps an engine bug from reaching the
 * learner as a bare TypeError.
 */
import { AwsError } from "../core/aws-error.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import { currentSandbox, type Sandbox } from "../sandbox.ts";

export interface SandboxClientConfig {
  /** The sandbox to talk to; default: the most recently created one, looked up at send time. */
  sandbox?: Sandbox;
  /** Must match the sandbox's region when given. */
  region?: string;
  /** Accepted for compatibility with real code; the sandbox ignores them. */
  endpoint?: unknown;
  credentials?: unknown;
  maxAttempts?: number;
  [option: string]: unknown;
}

/** A copy of the learner's config, tolerating anything (a client must never throw while being created). */
export function readClientConfig<Config extends SandboxClientConfig>(config: Config | undefined): Readonly<Config> {
  return (typeof config === "object" && config !== null ? { ...config } : {}) as Config;
}

/** The sandbox a `send` talks to; a region other than the sandbox's is refused with `badRequest`. */
export function boundSandbox(config: SandboxClientConfig, clientName: string, badRequest: (message: string) => AwsError): Sandbox {
  const sandbox = config.sandbox ?? currentSandbox();
  const region = config.region;
  if (typeof region === "string" && region !== sandbox.region) {
    throw badRequest(
      `This sandbox simulates region ${sandbox.region}, but the ${clientName} was created with region "${region}". ` +
        `Create the client with { region: "${sandbox.region}" } or without a region.`,
    );
  }
  return sandbox;
}

/** True when `command` carries the executor stored under `key` (one symbol per service). */
export function isCommandOf(command: unknown, key: symbol): boolean {
  return typeof command === "object" && command !== null && typeof (command as Record<symbol, unknown>)[key] === "function";
}

// Request ids come from a stream of their own per service, so adding a call does not shift any other id.
const requestIdStreams = new WeakMap<Sandbox, Map<string, SeededRandom>>();

export function nextRequestId(sandbox: Sandbox, stream: string): string {
  let streams = requestIdStreams.get(sandbox);
  if (streams === undefined) requestIdStreams.set(sandbox, (streams = new Map()));
  let random = streams.get(stream);
  if (random === undefined) streams.set(stream, (random = sandbox.random.fork(stream)));
  return random.uuid();
}

/** Runs the engine side of a command; an AWS-named error passes through, anything else becomes `internal`. */
export async function runCommand<Result>(execute: () => Result | Promise<Result>, internal: (message: string) => AwsError): Promise<Result> {
  try {
    return await execute();
  } catch (error) {
    if (error instanceof AwsError || (error instanceof Error && error.name === "LoopLimitError")) throw error;
    throw internal(`The sandbox failed unexpectedly: ${String(error)}`);
  }
}

/** The `$metadata` every SDK response carries. */
export function responseMetadata(httpStatusCode: number, requestId: string) {
  return { httpStatusCode, requestId, attempts: 1, totalRetryDelay: 0 };
}
