/**
 * JSON bodies read and written with the SDK's own shape codec and the operation schemas the client packages
 * export (`SendMessage$`, ...): blobs travel as base64, timestamps as epoch seconds, unknown members are dropped,
 * exactly as the protocol defines, so the server side cannot drift from what the SDK sends and expects.
 */
import { JsonCodec2 } from "@smithy/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";
import type { $SchemaRef as Schema, StaticOperationSchema } from "@smithy/types";
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
  const value = await deserializers[dialect].read(NormalizedSchema.of(schema), text);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** A structure as JSON bytes. */
export function writeJson(schema: Schema, value: object, dialect: JsonDialect = "awsJson"): Uint8Array {
  const serializer = serializers[dialect];
  serializer.write(NormalizedSchema.of(schema), value);
  const out = serializer.flush();
  return typeof out === "string" ? utf8.encode(out) : out;
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
