/**
 * The wire layer's request and response: an HTTP exchange as plain data, so the same adapters answer the SDK's
 * in-memory request handler and the real HTTP server of `npm run endpoint`.
 */
import type { Sandbox } from "../sandbox.ts";
import type { Caller } from "../iam/index.ts";
import type { LambdaHandler } from "../lambda/lambda-types.ts";

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
export interface WireContext extends WireHost {
  readonly sandbox: Sandbox;
  readonly caller: Caller;
  readonly requestId: string;
}

/** A function's code as CreateFunction uploads it: a .zip file's bytes, and which module export to run. */
export interface FunctionCode {
  readonly zipFile: Uint8Array;
  /** "index.handler": the module (file name without extension, maybe in a folder) and its export. */
  readonly handler: string;
  readonly runtime: string;
}

/**
 * What the host of the wire layer can do that the engine cannot: load code. The HTTP endpoint (Node) loads a zip's
 * modules; in memory (the browser, vitest) functions are deployed as function values, so there is no loader.
 */
export interface WireHost {
  /** The handler of a deployment package; rejects with a message AWS would give for an unreadable zip. */
  readonly loadFunctionCode?: ((code: FunctionCode) => Promise<LambdaHandler>) | undefined;
}

export const utf8 = {
  encode: (text: string): Uint8Array => encoder.encode(text),
  decode: (bytes: Uint8Array): string => decoder.decode(bytes),
};
const encoder = new TextEncoder();
const decoder = new TextDecoder();
