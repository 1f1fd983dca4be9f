/**
 * AWS REST-JSON, server side, driven by the operation schemas the SDK exports: an operation is found by its
 * `http` trait (method and URI pattern); input members come from URI labels, query parameters, headers, the
 * payload or the JSON body, as their `httpLabel` / `httpQuery` / `httpHeader` / `httpPayload` traits say; output
 * members go back the same way (`httpResponseCode` sets the status).
 * https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
import { NormalizedSchema } from "@smithy/core/schema";
import type { $SchemaRef as Schema } from "@smithy/types";
import { readJson, writeJson, type OperationShapes } from "./schema-json.ts";
import type { WireRequest } from "./wire-message.ts";

export interface RestRoute {
  readonly method: string;
  readonly segments: readonly string[];
  readonly status: number;
}

export function restRoute(operation: OperationShapes): RestRoute {
  const [method, uri, status] = operation.traits.http as [string, string, number];
  return { method, segments: uri.split("?")[0]!.split("/").filter(Boolean), status };
}

/** The URI labels of `request` if it matches `route`, else undefined. */
export function matchRoute(route: RestRoute, request: WireRequest): Record<string, string> | undefined {
  if (route.method !== request.method) return undefined;
  const segments = request.path.split("?")[0]!.split("/").filter(Boolean);
  if (segments.length !== route.segments.length) return undefined;
  const labels: Record<string, string> = {};
  for (const [i, pattern] of route.segments.entries()) {
    const segment = segments[i]!;
    if (pattern.startsWith("{") && pattern.endsWith("}")) labels[pattern.slice(1, -1)] = decodeURIComponent(segment);
    else if (pattern !== segment) return undefined;
  }
  return labels;
}

export async function readRestInput(schema: Schema, request: WireRequest, labels: Record<string, string>): Promise<Record<string, unknown>> {
  const ns = NormalizedSchema.of(schema);
  const members = [...ns.structIterator()];
  const payloadMember = members.find(([, member]) => member.getMergedTraits().httpPayload);
  const input: Record<string, unknown> =
    payloadMember === undefined ? await readJson(schema, request.body, "restJson") : {};
  for (const [name, member] of members) {
    const traits = member.getMergedTraits();
    if (traits.httpLabel) input[name] = labels[name];
    else if (typeof traits.httpQuery === "string") setScalar(input, name, member, first(request.query[traits.httpQuery]));
    else if (typeof traits.httpHeader === "string") setScalar(input, name, member, request.headers[traits.httpHeader.toLowerCase()]);
    else if (traits.httpPayload) input[name] = member.isBlobSchema() ? request.body : await readJson(member, request.body, "restJson");
  }
  return input;
}

export interface RestOutput {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

export function writeRestOutput(schema: Schema, value: Record<string, unknown>, defaultStatus: number): RestOutput {
  const headers: Record<string, string> = {};
  let statusCode = defaultStatus;
  let payload: Uint8Array | undefined;
  const bodyMembers: Record<string, unknown> = {};
  for (const [name, member] of NormalizedSchema.of(schema).structIterator()) {
    const item = value[name];
    if (item == null) continue;
    const traits = member.getMergedTraits();
    if (traits.httpResponseCode) statusCode = Number(item);
    else if (typeof traits.httpHeader === "string") headers[traits.httpHeader.toLowerCase()] = String(item);
    else if (traits.httpPayload) payload = item instanceof Uint8Array ? item : writeJson(member, item as object, "restJson");
    else bodyMembers[name] = item;
  }
  if (payload !== undefined) return { statusCode, headers, body: payload };
  headers["content-type"] = "application/json";
  return { statusCode, headers, body: writeJson(schema, bodyMembers, "restJson") };
}

function first(value: string | readonly string[] | null | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : (value as string | null | undefined) ?? undefined;
}

function setScalar(input: Record<string, unknown>, name: string, member: NormalizedSchema, text: string | undefined): void {
  if (text === undefined) return;
  input[name] = member.isNumericSchema() ? Number(text) : member.isBooleanSchema() ? text === "true" : text;
}
