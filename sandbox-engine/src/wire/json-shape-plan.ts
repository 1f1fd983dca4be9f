/**
 * The SDK's JSON shape codec (JsonCodec2 in @smithy/core/protocols), compiled once per shape into plain functions.
 * The codec walks the schema on every read and write (a NormalizedSchema per member per call) and writes JSON one
 * byte at a time in JavaScript; in memory that was a tenth of an SDK call. A plan follows the same rules, read off
 * the same schemas, and lets JSON.parse / JSON.stringify do the text:
 * - reading: members by name (or `jsonName` in REST-JSON), null members dropped, blobs from base64, "NaN" and
 *   "Infinity" strings as numbers, unknown members kept only when the body has `__type`, lists and maps converted
 *   in place;
 * - writing: members in schema order, null members and null list/map entries dropped, blobs as base64, NaN and
 *   Infinity as strings. The bytes are the codec's: JSON.stringify escapes exactly what the codec escapes, with
 *   the same lower-case \u escapes (tests/engine/json-shape-plan.test.ts compares both on every operation's shapes).
 *
 * Shapes with rules a plan does not carry (timestamps, documents, unions, big numbers, media-type strings, sparse
 * collections, idempotency tokens, recursion) get no plan; values a plan does not expect (an object where a string
 * belongs, a `__type` member to write) make it throw `useCodec`. Either way the caller uses the codec itself.
 */
import { NormalizedSchema } from "@smithy/core/schema";
import { fromBase64, toBase64 } from "@smithy/core/serde";
import type { $SchemaRef as Schema } from "@smithy/types";

/** One value of a shape, converted: parsed JSON to the SDK's shape (read), or a shape to JSON-ready (write). */
export type Convert = (value: unknown) => unknown;

/** Thrown by a plan for a value it cannot convert exactly as the codec would; the caller falls back to the codec. */
export const useCodec: unique symbol = Symbol("use the SDK's codec");

/** Whether member names follow the `jsonName` trait (REST-JSON) or not (AWS JSON 1.0/1.1). */
export type JsonNames = "memberName" | "jsonName";

class NoPlan extends Error {}

const identity: Convert = (value) => value;

/** The reading plan of a structure, or undefined when the codec must read it. */
export function readPlan(schema: Schema, names: JsonNames): Convert | undefined {
  return plan(schema, names, reader);
}

/** The writing plan of a structure, or undefined when the codec must write it. */
export function writePlan(schema: Schema, names: JsonNames): Convert | undefined {
  return plan(schema, names, writer);
}

type Compile = (ns: NormalizedSchema, names: JsonNames, open: Set<unknown>) => Convert;

function plan(schema: Schema, names: JsonNames, compile: Compile): Convert | undefined {
  const ns = NormalizedSchema.of(schema);
  if (!ns.isStructSchema()) return undefined;
  try {
    return compile(ns, names, new Set());
  } catch (error) {
    if (error instanceof NoPlan) return undefined;
    throw error;
  }
}

/** The kinds of shape a plan carries; anything else has no plan. */
type Kind = "struct" | "list" | "map" | "blob" | "string" | "number" | "boolean";

function kindOf(ns: NormalizedSchema): Kind {
  const traits = ns.getMergedTraits() as { sparse?: unknown; mediaType?: unknown; idempotencyToken?: unknown };
  if (traits.idempotencyToken || traits.sparse) throw new NoPlan();
  if (ns.isUnionSchema()) throw new NoPlan();
  if (ns.isStructSchema()) return "struct";
  if (ns.isListSchema()) return "list";
  if (ns.isMapSchema()) return "map";
  if (ns.isBlobSchema() && !ns.isStreaming()) return "blob";
  if (ns.isStringSchema() && traits.mediaType === undefined) return "string";
  if (ns.isNumericSchema()) return "number";
  if (ns.isBooleanSchema()) return "boolean";
  throw new NoPlan();
}

interface Member {
  readonly name: string;
  readonly key: string;
  readonly convert: Convert;
}

function membersOf(ns: NormalizedSchema, names: JsonNames, open: Set<unknown>, compile: Compile): Member[] {
  const raw = ns.getSchema();
  if (open.has(raw)) throw new NoPlan(); // a recursive shape
  open.add(raw);
  const members: Member[] = [];
  for (const [name, member] of ns.structIterator()) {
    const jsonName = names === "jsonName" ? (member.getMergedTraits() as { jsonName?: string }).jsonName : undefined;
    members.push({ name, key: jsonName ?? name, convert: compile(member, names, open) });
  }
  open.delete(raw);
  return members;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** Whether the codec converts values of this kind when reading (it leaves strings and booleans as they are). */
const readTransforms = (kind: Kind): boolean => kind !== "string" && kind !== "boolean";

const reader: Compile = (ns, names, open) => {
  const kind = kindOf(ns);
  switch (kind) {
    case "struct": {
      const members = membersOf(ns, names, open, reader);
      // The codec keeps a body's unknown members only when it names its type (`__type`), under their member names.
      const memberOfKey = new Map(members.map((member) => [member.key, member.name]));
      return (value) => {
        if (value === null || typeof value !== "object") return value;
        const record = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const member of members) {
          const item = record[member.key];
          if (item != null) out[member.name] = member.convert(item);
        }
        if (typeof record.__type === "string") {
          for (const key in record) {
            if (!hasOwn(record, key)) continue;
            const name = names === "jsonName" ? (memberOfKey.get(key) ?? key) : key;
            if (!(name in out)) out[name] = record[key];
          }
        }
        return out;
      };
    }
    case "list":
    case "map": {
      const item = ns.getValueSchema();
      if (!readTransforms(kindOf(item))) return identity;
      const convert = reader(item, names, open);
      if (kind === "list") {
        return (value) => {
          if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = convert(value[i]);
          return value;
        };
      }
      return (value) => {
        if (value === null || typeof value !== "object") return value;
        const map = value as Record<string, unknown>;
        if (hasOwn(map, "__proto__")) throw useCodec;
        for (const key in map) if (hasOwn(map, key)) map[key] = convert(map[key]);
        return map;
      };
    }
    case "blob":
      return (value) => (typeof value === "string" ? fromBase64(value) : value);
    case "number":
      return (value) => (typeof value === "string" ? numberFromString(value) : value);
    case "string":
    case "boolean":
      return identity;
  }
};

function numberFromString(value: string): unknown {
  switch (value) {
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
    case "NaN":
      return NaN;
    default:
      return value;
  }
}

/** A primitive as the codec writes it under any shape: strings (base64 under a blob), numbers, booleans. */
function primitive(value: unknown, blob: boolean): unknown {
  switch (typeof value) {
    case "string":
      return blob ? toBase64(value) : value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    default:
      throw useCodec;
  }
}

const writer: Compile = (ns, names, open) => {
  const kind = kindOf(ns);
  switch (kind) {
    case "struct": {
      const members = membersOf(ns, names, open, writer);
      return (value) => {
        if (value === null || typeof value !== "object") return primitive(value, false);
        const record = value as Record<string, unknown>;
        if (typeof record.__type === "string") throw useCodec;
        const out: Record<string, unknown> = {};
        for (const member of members) {
          const item = record[member.name];
          if (item != null) out[member.key] = member.convert(item);
        }
        return out;
      };
    }
    case "list": {
      const convert = writer(ns.getValueSchema(), names, open);
      return (value) => {
        if (value === null || typeof value !== "object") return primitive(value, false);
        if (!Array.isArray(value)) throw useCodec;
        const out: unknown[] = [];
        for (const item of value as unknown[]) if (item != null) out.push(convert(item));
        return out;
      };
    }
    case "map": {
      const convert = writer(ns.getValueSchema(), names, open);
      return (value) => {
        if (value === null || typeof value !== "object") return primitive(value, false);
        if (Array.isArray(value) || hasOwn(value, "__proto__")) throw useCodec;
        const map = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key in map) {
          if (!hasOwn(map, key)) continue;
          const item = map[key];
          if (item != null) out[key] = convert(item);
        }
        return out;
      };
    }
    case "blob":
      return (value) => {
        if (value instanceof Uint8Array) return toBase64(value);
        return primitive(value, true);
      };
    case "string":
    case "number":
    case "boolean":
      return (value) => primitive(value, false);
  }
};
