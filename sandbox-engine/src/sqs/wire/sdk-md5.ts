/**
 * The MD5 the sandbox's SQS clients give the SDK for its message checks (the client option `md5`, "a constructor
 * for a class implementing the Checksum interface that computes MD5 hashes":
 * https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-client-sqs/Interface/SQSClientConfig/).
 * The SDK still hashes every body it sends and receives and throws on a mismatch, as always; only the hash is the
 * engine's (src/sqs/md5.ts, checked against @noble/hashes) instead of Node's crypto.createHash or the browser
 * build's JavaScript MD5: a fifth of their cost on a short body, and the same digest.
 */
import type { Checksum, SourceData } from "@smithy/types";
import { md5Hex } from "../md5.ts";

export class SdkMd5 implements Checksum {
  private chunks: Uint8Array[] = [];

  update(data: SourceData): void {
    this.chunks.push(
      typeof data === "string" ? encoder.encode(data)
      : data instanceof Uint8Array ? data
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data),
    );
  }

  digest(): Promise<Uint8Array> {
    const hex = md5Hex(this.chunks.length === 1 ? this.chunks[0]! : concat(this.chunks));
    const digest = new Uint8Array(16);
    for (let i = 0; i < 16; i++) digest[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
    return Promise.resolve(digest);
  }

  reset(): void {
    this.chunks = [];
  }
}

const encoder = new TextEncoder();

/** The value of a lowercase hex digit's character code. */
function nibble(code: number): number {
  return code <= 0x39 ? code - 0x30 : code - 0x57;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
