/**
 * The wire layer's request and response: an HTTP exchange as plain data, so the same adapters answer the SDK's
 * in-memory request handler and the real HTTP server of `npm run endpoint`.
 */
import type { Sandbox } from "../sandbox.ts";
import type { Caller } from "../iam/index.ts";

export interface WireRequest {
  readonly method: string;
  readonly hostname: string;
  readonly path: string;
  /** Decoded query parameters. */
  readonly query: Readonly<Record<string, string | readonly string[] | null>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** What an adapter needs besides the request: the cloud it talks to and who is calling (the signer's identity). */
export interface WireContext {
  readonly sandbox: Sandbox;
  readonly caller: Caller;
  readonly requestId: string;
}

export const utf8 = {
  encode: (text: string): Uint8Array => encoder.encode(text),
  decode: (bytes: Uint8Array): string => decoder.decode(bytes),
};
const encoder = new TextEncoder();
const decoder = new TextDecoder();
