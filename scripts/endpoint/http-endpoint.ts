/**
 * The sandbox behind a real HTTP endpoint: the same wire layer the SDK's in-memory handler uses, served by
 * node:http, for a learner's own project, the AWS CLI or any SDK given `--endpoint-url`. One sandbox, whose
 * virtual clock follows real time (visibility timeouts, delays and long polls take their real duration).
 * Requests are not authenticated: any credentials work, as with other local emulators.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../sandbox-engine/src/index.ts";
import { answerRequest } from "../../sandbox-engine/src/wire/wire-router.ts";
import type { WireHost, WireRequest } from "../../sandbox-engine/src/wire/wire-message.ts";
import { functionCodeStore } from "./function-code.ts";

export interface EndpointOptions {
  /** Default 4566 (0: any free port). */
  readonly port?: number;
  /** Default "127.0.0.1": reachable from this machine only. */
  readonly host?: string;
  readonly sandbox?: Omit<SandboxOptions, "now" | "autoAdvance">;
  /** How often the virtual clock catches up with real time, ms. Default 20. */
  readonly tickMs?: number;
}

export interface Endpoint {
  readonly url: string;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

export async function startEndpoint(options: EndpointOptions = {}): Promise<Endpoint> {
  const sandbox = createSandbox({ ...options.sandbox, now: Date.now(), autoAdvance: false });
  const stopClock = followRealTime(sandbox, options.tickMs ?? 20);
  // CreateFunction with a .zip: the endpoint runs in Node, so it can unpack and import a deployment package.
  const functionCode = functionCodeStore();
  const codeHost: WireHost = { loadFunctionCode: functionCode.load };
  const server = createServer((request, response) => {
    serve(sandbox, codeHost, request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: `The sandbox failed: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4566, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.address === "127.0.0.1" ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    sandbox,
    close: async () => {
      stopClock();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await functionCode.close();
    },
  };
}

/** Moves the virtual clock to the real time elapsed, every `tickMs`; returns the stop function. */
function followRealTime(sandbox: Sandbox, tickMs: number): () => void {
  const realStart = performance.now();
  const virtualStart = sandbox.clock.now();
  let moving = false;
  const timer = setInterval(() => {
    if (moving) return;
    const behind = virtualStart + Math.floor(performance.now() - realStart) - sandbox.clock.now();
    if (behind <= 0) return;
    moving = true;
    sandbox.clock.advance(behind).finally(() => (moving = false));
  }, tickMs);
  return () => clearInterval(timer);
}

async function serve(sandbox: Sandbox, host: WireHost, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const url = new URL(request.url ?? "/", "http://endpoint");
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  const wire: WireRequest = {
    method: request.method ?? "GET",
    hostname: (request.headers.host ?? "localhost").replace(/:\d+$/, ""),
    path: url.pathname,
    query,
    headers,
    body: new Uint8Array(Buffer.concat(chunks)),
  };
  const answer = await answerRequest(sandbox, wire, undefined, host);
  response.writeHead(answer.statusCode, { ...answer.headers, "content-length": String(answer.body.byteLength) });
  response.end(answer.body);
}
