import { describe, expect, it } from "vitest";
import { JsonCodec2 } from "@smithy/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";
import type { $SchemaRef as Schema } from "@smithy/types";
import * as sqs from "@aws-sdk/client-sqs";
import * as lambda from "@aws-sdk/client-lambda";
import * as sesv2 from "@aws-sdk/client-sesv2";
import * as apigateway from "@aws-sdk/client-api-gateway";
import * as apigatewayv2 from "@aws-sdk/client-apigatewayv2";
import * as apigatewaymanagementapi from "@aws-sdk/client-apigatewaymanagementapi";
import { readPlan, useCodec, writePlan, type JsonNames } from "../../sandbox-engine/src/wire/json-shape-plan.ts";
import { readJson, writeJson, writeWithCodec, type JsonDialect } from "../../sandbox-engine/src/wire/schema-json.ts";
import { createRandom, type SeededRandom } from "../../sandbox-engine/src/random/seeded-random.ts";

/**
 * The wire layer's compiled JSON plans against the SDK's own codec, on every input and output structure of every
 * JSON service the sandbox answers: for values drawn from each shape (nulls in lists and maps, NaN and Infinity,
 * control characters, lone surrogates, emoji, blobs, unknown members), the plan writes the codec's bytes and reads
 * what the codec reads. A learner would notice a difference as a field missing or mangled in the SDK's answer.
 */

const services: Record<string, { module: Record<string, unknown>; dialect: JsonDialect }> = {
  sqs: { module: sqs, dialect: "awsJson" },
  lambda: { module: lambda, dialect: "restJson" },
  sesv2: { module: sesv2, dialect: "restJson" },
  apigateway: { module: apigateway, dialect: "restJson" },
  apigatewayv2: { module: apigatewayv2, dialect: "restJson" },
  apigatewaymanagementapi: { module: apigatewaymanagementapi, dialect: "restJson" },
};

function structures(module: Record<string, unknown>): Array<[string, Schema]> {
  const found: Array<[string, Schema]> = [];
  for (const [name, value] of Object.entries(module)) {
    if (!name.endsWith("$") || !Array.isArray(value) || value[0] !== 9) continue;
    found.push([`${name.slice(0, -1)} input`, value[4] as Schema], [`${name.slice(0, -1)} output`, value[5] as Schema]);
  }
  return found;
}

const STRINGS = ["", "order-1", "tab\there", 'quote " and \\ back', "\u0000\u0001\u001f\u007f", "café ü ß", "emoji 🎉", "lone \ud800 high", "lone \udc00 low", "</script>"];

function pick<T>(random: SeededRandom, options: readonly T[]): T {
  return options[random.int(0, options.length - 1)]!;
}

/** A value of the shape `ns`, sometimes of the wrong kind where the codec has a rule for it (numbers in strings). */
function valueOf(ns: NormalizedSchema, random: SeededRandom, depth: number): unknown {
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (const [name, member] of ns.structIterator()) {
      const roll = random.next();
      if (roll < 0.15) continue;
      out[name] = roll < 0.2 ? null : valueOf(member, random, depth + 1);
    }
    return out;
  }
  if (ns.isListSchema()) {
    if (depth > 4) return [];
    return Array.from({ length: random.int(0, 3) }, () => (random.next() < 0.15 ? null : valueOf(ns.getValueSchema(), random, depth + 1)));
  }
  if (ns.isMapSchema()) {
    const out: Record<string, unknown> = {};
    if (depth > 4) return out;
    for (let i = random.int(0, 3); i > 0; i--) out[pick(random, ["k", "Key 1", "ü", "2", "toString"]) + i] = random.next() < 0.15 ? null : valueOf(ns.getValueSchema(), random, depth + 1);
    return out;
  }
  if (ns.isBlobSchema()) return random.next() < 0.2 ? pick(random, STRINGS) : Uint8Array.from({ length: random.int(0, 7) }, () => random.int(0, 255));
  if (ns.isNumericSchema()) return pick(random, [0, -0, 1, -7, 3.25, 1e21, 2 ** 53, NaN, Infinity, -Infinity]);
  if (ns.isBooleanSchema()) return random.next() < 0.5;
  if (ns.isTimestampSchema()) return new Date(Date.UTC(2026, 0, 2, 3, 4, 5, pick(random, [0, 250])));
  if (ns.isStringSchema()) return random.next() < 0.05 ? 42 : pick(random, STRINGS);
  return pick(random, STRINGS);
}

const codecs: Record<JsonDialect, JsonCodec2> = {
  awsJson: new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false }),
  restJson: new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: true }),
};
const namesOf = (dialect: JsonDialect): JsonNames => (dialect === "restJson" ? "jsonName" : "memberName");

describe("compiled JSON plans write and read exactly as the SDK's codec", () => {
  for (const [service, { module, dialect }] of Object.entries(services)) {
    it(`${service}: every operation's input and output structure`, async () => {
      const random = createRandom(7);
      let planned = 0;
      let structs = 0;
      for (const [label, schema] of structures(module)) {
        const ns = NormalizedSchema.of(schema);
        if (!ns.isStructSchema()) continue;
        structs += 1;
        const write = writePlan(schema, namesOf(dialect));
        const read = readPlan(schema, namesOf(dialect));
        if (write !== undefined && read !== undefined) planned += 1;
        for (let i = 0; i < 12; i++) {
          const value = valueOf(ns, random, 0) as Record<string, unknown>;
          const codecBytes = writeWithCodec(schema, structuredClone(value), dialect);
          expect(new TextDecoder().decode(writeJson(schema, structuredClone(value), dialect)), label).toBe(new TextDecoder().decode(codecBytes));
          // Reading: what the SDK sent, plus members the shape does not have (dropped unless the body names a __type).
          const sent = JSON.parse(new TextDecoder().decode(codecBytes)) as Record<string, unknown>;
          const body = JSON.stringify(i % 3 === 0 ? { ...sent, Unknown: 1, __type: "com.amazon#Thing" } : i % 3 === 1 ? { ...sent, Unknown: "x" } : sent);
          const byCodec = await codecs[dialect].createDeserializer().read(ns, body);
          expect(await readJson(schema, body, dialect), label).toEqual(byCodec);
        }
      }
      // The plans must carry the shapes the speed is for: every SQS operation (the others may fall back to the codec).
      if (service === "sqs") expect(planned).toBe(structs);
      else expect(planned).toBeGreaterThan(0);
    });
  }

  it("a value a plan cannot write as the codec does (an object where a string belongs) goes to the codec", () => {
    const write = writePlan(sqs.SendMessage$[4] as Schema, "memberName")!;
    let thrown: unknown;
    try {
      write({ QueueUrl: { nested: true } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(useCodec);
    const schema = sqs.SendMessage$[4] as Schema;
    const odd = { QueueUrl: { nested: "é" }, MessageBody: "b" };
    expect(new TextDecoder().decode(writeJson(schema, odd))).toBe(new TextDecoder().decode(writeWithCodec(schema, odd)));
  });

  it("a map member named __proto__ is read by the codec, which keeps it as data", async () => {
    const schema = sqs.SendMessage$[4] as Schema;
    const body = '{"QueueUrl":"q","MessageAttributes":{"__proto__":{"DataType":"String","StringValue":"x"}}}';
    const byCodec = await codecs.awsJson.createDeserializer().read(NormalizedSchema.of(schema), body);
    expect(await readJson(schema, body)).toEqual(byCodec);
  });
});
