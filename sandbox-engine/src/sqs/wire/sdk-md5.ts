/**
 * The MD5 the sandbox's SQS clients give the SDK for its message checks (the client option `md5`, "a constructor
 * for a class implementing the Checksum interface that computes MD5 hashes":
 * https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-client-sqs/Interface/SQSClientConfig/).
 * The SDK still hashes every body it sends and receives and throws on a mismatch, as always; only the hash is the
 * engine's (src/sqs/md5.ts, checked against @noble/hashes) instead of Node's crypto.createHash or the browser
 * build's JavaScript MD5: a fifth of their cost on a short body, and the same digest.
 */
import type { Checksum, SourceData } from "@smithy/types";
import { md5Bytes } from "../md5.ts";

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
    return Promise.resolve(md5Bytes(this.chunks.length === 1 ? this.chunks[0]! : concat(this.chunks)));
  }

  reset(): void {
    this.chunks = [];
  }
}

const encoder = new TextEncoder();

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
