import fc from "fast-check";
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";
import { md5Bytes, md5Hex } from "../../sandbox-engine/src/sqs/md5.ts";
import { givenQueue } from "./sqs-helpers.ts";

/**
 * The documented MD5OfMessageAttributes encoding, written independently of the engine:
 * sorted by name; per attribute: 4-byte big-endian length + UTF-8 name, length + data type,
 * transport byte (1 string/number, 2 binary), length + value.
 */
function referenceAttributesMd5(attributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>): string {
  const chunks: number[] = [];
  const withLength = (bytes: Uint8Array) => {
    chunks.push((bytes.length >>> 24) & 255, (bytes.length >>> 16) & 255, (bytes.length >>> 8) & 255, bytes.length & 255, ...bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const value = attributes[name]!;
    withLength(utf8ToBytes(name));
    withLength(utf8ToBytes(value.DataType));
    if (value.BinaryValue !== undefined) {
      chunks.push(2);
      withLength(value.BinaryValue);
    } else {
      chunks.push(1);
      withLength(utf8ToBytes(value.StringValue!));
    }
  }
  return bytesToHex(md5(Uint8Array.from(chunks)));
}

describe("SQS MD5 digests", () => {
  it("matches the audited @noble/hashes MD5 for any string and any bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expect(md5Hex(text)).toBe(bytesToHex(md5(new TextEncoder().encode(text))));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(bytesToHex(md5(bytes)));
        expect(md5Bytes(bytes)).toEqual(md5(bytes));
      }),
      { numRuns: 300 },
    );
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("x".repeat(100_000))).toBe(bytesToHex(md5(utf8ToBytes("x".repeat(100_000)))));
  });

  it("computes MD5OfMessageAttributes the way AWS documents, on send and on receive", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const attributes = {
      zeta: { DataType: "String", StringValue: "ünïcode" },
      alpha: { DataType: "Number", StringValue: "42" },
      blob: { DataType: "Binary", BinaryValue: Uint8Array.of(0, 1, 2, 255) },
      custom: { DataType: "String.trace", StringValue: "x" },
    };
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "b", MessageAttributes: attributes }));
    expect(sent.MD5OfMessageAttributes).toBe(referenceAttributesMd5(attributes));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ["alpha", "blob"] }));
    // On receive, the digest covers the attributes returned
    expect(Messages![0]!.MD5OfMessageAttributes).toBe(referenceAttributesMd5({ alpha: attributes.alpha, blob: attributes.blob }));
  });

  it("computes MD5OfMessageSystemAttributes over AWSTraceHeader and returns the header on receive", async () => {
    const { sqs, queueUrl } = await givenQueue();
    const header = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
    const sent = await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "b", MessageSystemAttributes: { AWSTraceHeader: { DataType: "String", StringValue: header } } }),
    );
    expect(sent.MD5OfMessageSystemAttributes).toBe(referenceAttributesMd5({ AWSTraceHeader: { DataType: "String", StringValue: header } }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ["AWSTraceHeader"] }));
    expect(Messages![0]!.Attributes).toEqual({ AWSTraceHeader: header });
    const bad = sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "b", MessageSystemAttributes: { Other: { DataType: "String", StringValue: "x" } } as never }),
    );
    await expect(bad).rejects.toMatchObject({ name: "InvalidParameterValue" });
  });

  it("given an answer altered on the way back, when the SDK checks its MD5s, then send and receive fail as on AWS; md5: false turns the checks off", async () => {
    const { sb, queueUrl } = await givenQueue();
    /** A client whose answers are altered after the SDK deserialized them, before its MD5 checks (the initialize step). */
    const tampered = (options: { md5?: false }) => {
      const client = new SQSClient({ sandbox: sb, ...options });
      client.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args);
          const output = result.output as { MD5OfMessageBody?: string; Messages?: Array<{ Body?: string }> };
          if (output.MD5OfMessageBody !== undefined) output.MD5OfMessageBody = "0".repeat(32);
          for (const message of output.Messages ?? []) message.Body = `${message.Body} (altered)`;
          return result;
        },
        { step: "finalizeRequest" },
      );
      return client;
    };
    await expect(tampered({}).send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "order-1" }))).rejects.toThrow("InvalidChecksumError");
    await expect(tampered({}).send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))).rejects.toThrow(/^Invalid MD5 checksum on messages: /);
    const unchecked = tampered({ md5: false });
    await expect(unchecked.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "order-2" }))).resolves.toMatchObject({ MD5OfMessageBody: "0".repeat(32) });
  });
});
