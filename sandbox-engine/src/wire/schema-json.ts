/**
 * JSON bodies read and written with the SDK's own shape codec and the operation schemas the client packages
 * export (`SendMessage$`, ...): blobs travel as base64, timestamps as epoch seconds, unknown members are dropped,
 * exactly as the protocol defines, so the server side cannot drift from what the SDK sends and expects. Most
 * shapes go through a plan compiled from the same schemas (json-shape-plan.ts: the codec's rules, JSON.parse and
 * JSON.stringify doing the text, the same bytes); the rest, through the codec.
 */
import { JsonCodec2 } from "@smithy/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";
import type { $SchemaRef as Schema, StaticOperationSchema } from "@smithy/types";
import { readPlan, useCodec, writePlan, type Convert } from "./json-shape-plan.ts";
import { utf8 } from "./wire-message.ts";

/**
 * AWS JSON 1.0/1.1 ignore the `jsonName` trait; REST-JSON honours it (API Gateway sends `item` for `items`, and
 * API Gateway v2 camelCase names for its PascalCase members): https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
export type JsonDialect = "awsJson" | "restJson";

const codecs: Readonly<Record<JsonDialect, JsonCodec2>> = {
  awsJson: new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false }),
  restJson: new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: true }),
};
// One serializer and one deserializer per dialect, made once (each new serializer allocates a 2 KB buffer): the
// deserializer keeps no state between reads, and the serializer's write + flush run synchronously, flush handing over
// its buffer and taking a new one.
const deserializers = { awsJson: codecs.awsJson.createDeserializer(), restJson: codecs.restJson.createDeserializer() };
const serializers = { awsJson: codecs.awsJson.createSerializer(), restJson: codecs.restJson.createSerializer() };

/** The operation's input structure, read from a JSON body (empty body: no members). */
export async function readJson(schema: Schema, body: Uint8Array | string, dialect: JsonDialect = "awsJson"): Promise<Record<string, unknown>> {
  const text = typeof body === "string" ? body : utf8.decode(body);
  if (text.trim() === "") return {};
  const read = plans(schema, dialect).read;
  let value: unknown;
  if (read === undefined) value = await readWithCodec(schema, text, dialect);
  else {
    try {
      value = read(JSON.parse(text));
    } catch (error) {
      if (error !== useCodec) throw error;
      value = await readWithCodec(schema, text, dialect);
    }
  }
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function readWithCodec(schema: Schema, text: string, dialect: JsonDialect): Promise<unknown> {
  return deserializers[dialect].read(NormalizedSchema.of(schema), text);
}

/** A structure as JSON bytes. */
export function writeJson(schema: Schema, value: object, dialect: JsonDialect = "awsJson"): Uint8Array {
  const write = plans(schema, dialect).write;
  if (write !== undefined) {
    try {
      return encodeJson(JSON.stringify(write(value)));
    } catch (error) {
      if (error !== useCodec) throw error;
    }
  }
  return writeWithCodec(schema, value, dialect);
}

/**
 * JSON text as UTF-8 bytes. In Node, Buffer.from costs a quarter of TextEncoder.encode on an answer's few hundred
 * bytes. The bytes are handed on as a plain Uint8Array view; small Buffers share a pool, so a reader must honour
 * byteOffset, as the SDK's do. Browsers have no Buffer and use the TextEncoder.
 */
const NodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: "utf8"): Uint8Array } }).Buffer;
const encodeJson: (text: string) => Uint8Array =
  NodeBuffer === undefined
    ? utf8.encode
    : (text) => {
        const bytes = NodeBuffer.from(text, "utf8");
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };

/** A structure as JSON bytes, written by the SDK's codec itself (what the plans must equal; their tests compare). */
export function writeWithCodec(schema: Schema, value: object, dialect: JsonDialect = "awsJson"): Uint8Array {
  const serializer = serializers[dialect];
  serializer.write(NormalizedSchema.of(schema), value);
  const out = serializer.flush();
  return typeof out === "string" ? utf8.encode(out) : out;
}

interface ShapePlans {
  readonly read: Convert | undefined;
  readonly write: Convert | undefined;
}

/**
 * Each structure's plans, compiled on first use, under the reference callers pass (a static schema is an array, a
 * lazy one a function) and under the structure's own schema (a REST payload member is a new NormalizedSchema each time).
 */
const compiled: Readonly<Record<JsonDialect, WeakMap<object, ShapePlans>>> = { awsJson: new WeakMap(), restJson: new WeakMap() };
const NO_PLANS: ShapePlans = { read: undefined, write: undefined };

function plans(schema: Schema, dialect: JsonDialect): ShapePlans {
  if ((typeof schema !== "object" || schema === null) && typeof schema !== "function") return NO_PLANS;
  const cache = compiled[dialect];
  const found = cache.get(schema);
  if (found !== undefined) return found;
  const ns = NormalizedSchema.of(schema);
  const structure = ns.isStructSchema() ? (ns.getSchema() as object) : undefined;
  if (structure === undefined) return NO_PLANS;
  let made = cache.get(structure);
  if (made === undefined) {
    const names = dialect === "restJson" ? "jsonName" : "memberName";
    cache.set(structure, (made = { read: readPlan(structure as Schema, names), write: writePlan(structure as Schema, names) }));
  }
  if (!(schema instanceof NormalizedSchema)) cache.set(schema, made);
  return made;
}

/** An operation as the client packages export its schema: `[9, namespace, name, traits, input, output]`. */
export type OperationSchema = StaticOperationSchema;

/** "SendMessage", and the input and output structures, of the SDK's `SendMessage$` schema. */
export function operationShapes(schema: OperationSchema): { name: string; input: Schema; output: Schema; traits: Record<string, unknown> } {
  const [, , name, , input, output] = schema;
  const traits = NormalizedSchema.of(schema).getMergedTraits() as Record<string, unknown>;
  return { name, input: input as Schema, output: output as Schema, traits };
}

export type OperationShapes = ReturnType<typeof operationShapes>;

/** An adapter's operations by name: each SDK schema with the engine call that answers it. */
export function operationTable<Run>(entries: readonly (readonly [OperationSchema, Run])[]): ReadonlyMap<string, OperationShapes & { run: Run }> {
  return new Map(entries.map(([schema, run]) => {
    const shapes = operationShapes(schema);
    return [shapes.name, { ...shapes, run }];
  }));
}
