/**
 * Calling the sandbox's APIs as a client would. `await sb.apigateway.fetch(url, init)` takes what the
 * Fetch API takes and returns a standard `Response`; it reaches only this sandbox's execute-api URLs
 * (`https://{apiId}.execute-api.{region}.amazonaws.com/...`). Other web servers are `sb.world.http`.
 *
 * Bodies: a request body that is valid UTF-8 reaches the function as text (`isBase64Encoded: false`), any
 * other bytes base64-encoded (`isBase64Encoded: true`). Decision: AWS decides by the API's binary media types
 * (REST) or the content type (HTTP); the simulator has neither setting yet, and text bodies are what the
 * course sends.
 */
import type { GatewayRequest, GatewayResponse } from "./requests/gateway-request.ts";

/** What the client side needs from the gateway. */
export interface GatewayPort {
  answers(url: URL): boolean;
  execute(request: GatewayRequest): Promise<GatewayResponse>;
}

export interface HttpService {
  /** Calls one of the sandbox's APIs; rejects with a TypeError (as fetch does) for any other URL. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Would `fetch` answer this URL (an execute-api URL of this sandbox's Region)? */
  answers(input: string | URL | Request): boolean;
}

/** The source address API Gateway reports for sandbox callers (TEST-NET-3, never a real host). */
const CALLER_IP = "203.0.113.10";
const utf8 = new TextDecoder("utf-8", { fatal: true });

function urlOf(input: string | URL | Request): URL | undefined {
  try {
    return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  } catch {
    return undefined;
  }
}

async function toGatewayRequest(request: Request): Promise<GatewayRequest> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  let body: string | null = null;
  let isBase64Encoded = false;
  if (bytes.length > 0) {
    try {
      body = utf8.decode(bytes);
    } catch {
      body = btoa(String.fromCharCode(...bytes));
      isBase64Encoded = true;
    }
  }
  return { method: request.method, url: new URL(request.url), headers: [...request.headers.entries()], body, isBase64Encoded, sourceIp: CALLER_IP };
}

const NO_BODY = new Set([101, 204, 205, 304]);

function toFetchResponse(response: GatewayResponse, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const body = NO_BODY.has(response.status) || method === "HEAD" ? null : response.body;
  return new Response(body as BodyInit | null, { status: response.status, headers });
}

export function createHttp(apigateway: GatewayPort): HttpService {
  const service: HttpService = {
    async fetch(input, init) {
      const url = urlOf(input);
      if (url === undefined || !apigateway.answers(url)) {
        throw new TypeError(
          `sb.apigateway.fetch reaches only this sandbox's APIs (https://{apiId}.execute-api.{region}.amazonaws.com/...), not ${url?.href ?? String(input)}. ` +
            "Simulated web servers are sb.world.http.",
        );
      }
      const request = new Request(input, init);
      const response = await apigateway.execute(await toGatewayRequest(request));
      return toFetchResponse(response, request.method);
    },
    answers(input) {
      const url = urlOf(input);
      return url !== undefined && apigateway.answers(url);
    },
  };
  return service;
}
