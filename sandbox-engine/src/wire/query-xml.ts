/**
 * AWS Query responses: the operation's output structure as XML, built with the SDK's own XML builder
 * (@aws-sdk/xml-builder) by the rules its XmlShapeDeserializer reads: members by name (or `xmlName`), lists of
 * `<member>` (flattened: repeated elements), maps of `<entry><key/><value/></entry>`, blobs in base64, timestamps
 * in ISO 8601, wrapped as `<XResponse><XResult>...</XResult><ResponseMetadata>` (errors: `<ErrorResponse>`).
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#response-serialization
 */
import { XmlNode } from "@aws-sdk/xml-builder";
import { NormalizedSchema } from "@smithy/core/schema";
import { toBase64 } from "@smithy/core/serde";
import type { $SchemaRef as Schema } from "@smithy/types";
import { utf8 } from "./wire-message.ts";

export function queryResponseXml(operation: string, outputSchema: Schema, value: object, requestId: string, xmlns: string): Uint8Array {
  const root = new XmlNode(`${operation}Response`).a("xmlns", xmlns);
  const output = NormalizedSchema.of(outputSchema);
  if (output.isStructSchema()) root.c(valueNode(output, value, `${operation}Result`));
  root.c(new XmlNode("ResponseMetadata").c(XmlNode.of("RequestId", requestId)));
  return utf8.encode(`<?xml version="1.0"?>\n${root.toString()}`);
}

export function queryErrorXml(error: { type: "Sender" | "Receiver"; code: string; message: string }, requestId: string, xmlns: string): Uint8Array {
  const root = new XmlNode("ErrorResponse").a("xmlns", xmlns);
  root.c(new XmlNode("Error").c(XmlNode.of("Type", error.type)).c(XmlNode.of("Code", error.code)).c(XmlNode.of("Message", error.message)));
  root.c(XmlNode.of("RequestId", requestId));
  return utf8.encode(`<?xml version="1.0"?>\n${root.toString()}`);
}

function valueNode(ns: NormalizedSchema, value: unknown, name: string): XmlNode {
  const node = new XmlNode(name);
  if (ns.isStructSchema()) {
    for (const [memberName, member] of ns.structIterator()) {
      const memberValue = (value as Record<string, unknown>)[memberName];
      if (memberValue == null) continue;
      const childName = member.getMergedTraits().xmlName ?? memberName;
      if (member.isListSchema() && member.getMergedTraits().xmlFlattened) {
        for (const item of memberValue as unknown[]) node.c(valueNode(member.getValueSchema(), item, childName));
      } else {
        node.c(valueNode(member, memberValue, childName));
      }
    }
    return node;
  }
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const memberName = member.getMergedTraits().xmlName ?? "member";
    for (const item of value as unknown[]) node.c(valueNode(member, item, memberName));
    return node;
  }
  if (ns.isMapSchema()) {
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
    const valueSchema = ns.getValueSchema();
    const valueName = valueSchema.getMergedTraits().xmlName ?? "value";
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item == null) continue;
      node.c(new XmlNode("entry").c(XmlNode.of(keyName, key)).c(valueNode(valueSchema, item, valueName)));
    }
    return node;
  }
  return XmlNode.of(name, scalarText(ns, value));
}

function scalarText(ns: NormalizedSchema, value: unknown): string {
  if (ns.isBlobSchema()) return toBase64(value instanceof Uint8Array ? value : utf8.encode(String(value)));
  if (ns.isTimestampSchema() && value instanceof Date) return value.toISOString();
  return String(value);
}
