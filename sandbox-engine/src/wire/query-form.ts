/**
 * AWS Query requests: a form-encoded body (`Action=Publish&Version=...&TopicArn=...`) read back into the
 * operation's input structure, by the same rules the SDK's QueryShapeSerializer writes it with: structure
 * members by name (or `xmlName`), lists as `Name.member.N` (flattened: `Name.N`), maps as
 * `Name.entry.N.key` / `.value` (with the key and value `xmlName`s), blobs in base64, an empty list as `Name=`.
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 */
import { NormalizedSchema } from "@smithy/core/schema";
import { fromBase64 } from "@smithy/core/serde";
import type { $SchemaRef as Schema } from "@smithy/types";
import { utf8 } from "./wire-message.ts";

export type QueryParams = ReadonlyMap<string, string>;

export function parseForm(body: Uint8Array): QueryParams {
  return new Map(new URLSearchParams(utf8.decode(body)));
}

export function readQueryInput(schema: Schema, params: QueryParams): Record<string, unknown> {
  const value = readValue(NormalizedSchema.of(schema), params, "", [...params.keys()]);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function present(keys: readonly string[], key: string): boolean {
  return keys.some((k) => k === key || k.startsWith(`${key}.`));
}

function join(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}.${name}`;
}

function readValue(ns: NormalizedSchema, params: QueryParams, key: string, keys: readonly string[]): unknown {
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [name, member] of ns.structIterator()) {
      const memberKey = join(key, member.getMergedTraits().xmlName ?? name);
      if (!present(keys, memberKey)) continue;
      const value = readValue(member, params, memberKey, keys);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (ns.isListSchema()) {
    if (params.get(key) === "") return [];
    const member = ns.getValueSchema();
    const prefix = ns.getMergedTraits().xmlFlattened ? key : join(key, member.getMergedTraits().xmlName ?? "member");
    const items: unknown[] = [];
    for (let i = 1; present(keys, `${prefix}.${i}`); i++) items.push(readValue(member, params, `${prefix}.${i}`, keys));
    return items;
  }
  if (ns.isMapSchema()) {
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
    const valueSchema = ns.getValueSchema();
    const valueName = valueSchema.getMergedTraits().xmlName ?? "value";
    const prefix = ns.getMergedTraits().xmlFlattened ? key : join(key, "entry");
    const out: Record<string, unknown> = {};
    for (let i = 1; present(keys, `${prefix}.${i}`); i++) {
      const entryKey = params.get(`${prefix}.${i}.${keyName}`);
      if (entryKey !== undefined) out[entryKey] = readValue(valueSchema, params, `${prefix}.${i}.${valueName}`, keys);
    }
    return out;
  }
  const text = params.get(key);
  if (text === undefined) return undefined;
  if (ns.isBlobSchema()) return fromBase64(text);
  if (ns.isBooleanSchema()) return text === "true";
  if (ns.isNumericSchema()) return Number(text);
  if (ns.isTimestampSchema()) return new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
  return text;
}
