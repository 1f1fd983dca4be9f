/**
 * The request handler the sandbox's SDK clients use by default: the SDK serializes, signs and retries as
 * always, then hands the HTTP request to this handler, which answers it from the sandbox's wire layer in
 * memory (no network, no sockets). The sandbox is looked up per request: the client's `sandbox` option, else
 * the most recently created one, so a client created at module scope talks to the sandbox of the current test.
 */
import { HttpResponse, type HttpRequest } from "@smithy/core/protocols";
import type { HttpHandlerOptions, RequestHandler } from "@smithy/types";
import type { Caller } from "../iam/index.ts";
import { currentSandbox, type Sandbox } from "../sandbox.ts";
import { parseCaller } from "./caller.ts";
import { answerRequest } from "./wire-router.ts";
import { utf8, type WireHost, type WireRequest } from "./wire-message.ts";

export interface InMemoryHandlerOptions {
  readonly sandbox?: Sandbox | undefined;
  /** Who calls (SNS topic policies): an account id or an IAM ARN; checked per request, so a client never throws while being created. */
  readonly caller?: string | undefined;
  /** What the host can do besides (load a function's .zip); none by default: functions are deployed in code. */
  readonly host?: WireHost | undefined;
}

export class InMemoryRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: "in-memory" };

  private readonly options: InMemoryHandlerOptions;
  /** The `caller` option, parsed on the first request (a bad one throws there, as every request would). */
  private caller: Caller | undefined;

  constructor(options: InMemoryHandlerOptions = {}) {
    this.options = options;
  }

  sandbox(): Sandbox {
    return this.options.sandbox ?? currentSandbox();
  }

  async handle(request: HttpRequest, _options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const sandbox = this.sandbox();
    const hostRegion = regionOfHost(request.hostname);
    if (hostRegion !== undefined && hostRegion !== sandbox.region) {
      throw Object.assign(
        new Error(
          `This sandbox simulates region ${sandbox.region}, but the request went to ${request.hostname}. ` +
            `Create the client without a region (or with region: "${sandbox.region}").`,
        ),
        { name: "SandboxRegionMismatch" },
      );
    }
    if (this.caller === undefined && this.options.caller !== undefined) this.caller = parseCaller(this.options.caller);
    const answer = await answerRequest(sandbox, toWireRequest(request), this.caller, this.options.host);
    return { response: new HttpResponse(answer) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/** The region in an AWS hostname (sqs.us-east-1.amazonaws.com), remembered for the last host (one per client). */
let lastHost = "";
let lastHostRegion: string | undefined;
function regionOfHost(hostname: string): string | undefined {
  if (hostname !== lastHost) {
    lastHost = hostname;
    lastHostRegion = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com$/.exec(hostname)?.[1];
  }
  return lastHostRegion;
}

export function toWireRequest(request: HttpRequest): WireRequest {
  const headers: Record<string, string> = {};
  const given = request.headers;
  for (const name in given) headers[name.toLowerCase()] = given[name]!;
  const body = request.body;
  return {
    method: request.method,
    hostname: request.hostname,
    path: request.path,
    query: request.query ?? {},
    headers,
    body: body instanceof Uint8Array ? body : typeof body === "string" ? utf8.encode(body) : new Uint8Array(0),
  };
}
