/**
 * Reading a Lambda proxy integration's answer.
 *
 * Format 1.0 (REST, HTTP 1.0; https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format):
 * `{ statusCode, headers?, multiValueHeaders?, body?, isBase64Encoded? }`. For a key in both header maps, only
 * the multiValueHeaders values are used. Anything else is "Malformed Lambda proxy response". Decisions
 * (AWS-FACTS C.5 item 21 marks them UNVERIFIED): unknown top-level keys, a body that is not a string, and a
 * missing statusCode are malformed, as AWS's knowledge center lists them
 * (https://repost.aws/knowledge-center/malformed-502-api-gateway) rather than LocalStack's default of 200.
 *
 * Format 2.0 (HTTP; https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * valid JSON without `statusCode` is a 200 with content-type application/json and the output as the body (a
 * returned string is the body itself); with `statusCode`, `cookies` become set-cookie headers.
 */
import type { GatewayResponse } from "./gateway-request.ts";

export type ProxyReading = { readonly ok: true; readonly response: GatewayResponse } | { readonly ok: false; readonly reason: string };

const V1_KEYS = new Set(["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"]);
const V2_KEYS = new Set([...V1_KEYS, "cookies"]);

function malformed(reason: string): ProxyReading {
  return { ok: false, reason: `Malformed Lambda proxy response: ${reason}` };
}

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => typeof value === "string" || typeof value === "number" || typeof value === "boolean";
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function statusOf(value: unknown): number | undefined {
  const status = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function bodyOf(body: unknown, isBase64Encoded: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return "";
  if (typeof body !== "string") return undefined;
  if (isBase64Encoded !== true) return body;
  try {
    return Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function readProxyResponseV1(payload: string, allowed: ReadonlySet<string> = V1_KEYS): ProxyReading {
  let output: unknown;
  try {
    output = JSON.parse(payload);
  } catch {
    return malformed("the function's output is not JSON");
  }
  if (!isRecord(output)) return malformed("the function's output is not a JSON object");
  const unknown = Object.keys(output).filter((key) => !allowed.has(key));
  if (unknown.length > 0) return malformed(`unexpected key ${unknown.join(", ")} (allowed: ${[...allowed].join(", ")})`);
  const status = statusOf(output.statusCode);
  if (status === undefined) return malformed(`statusCode must be an HTTP status code, got ${JSON.stringify(output.statusCode) ?? "nothing"}`);
  const headers = new Map<string, string[]>();
  if (output.headers !== undefined && output.headers !== null) {
    if (!isRecord(output.headers) || !Object.values(output.headers).every(isScalar)) return malformed("headers must map names to strings");
    for (const [name, value] of Object.entries(output.headers)) headers.set(name, [String(value)]);
  }
  if (output.multiValueHeaders !== undefined && output.multiValueHeaders !== null) {
    const multi = output.multiValueHeaders;
    if (!isRecord(multi) || !Object.values(multi).every((values) => Array.isArray(values) && values.every(isScalar))) {
      return malformed("multiValueHeaders must map names to lists of strings");
    }
    for (const [name, values] of Object.entries(multi)) headers.set(name, (values as Scalar[]).map(String));
  }
  const body = bodyOf(output.body, output.isBase64Encoded);
  if (body === undefined) return malformed("body must be a string (JSON.stringify an object; base64 when isBase64Encoded)");
  const pairs: [string, string][] = [...headers].flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
  if (Array.isArray(output.cookies)) {
    if (!output.cookies.every((cookie) => typeof cookie === "string")) return malformed("cookies must be a list of strings");
    for (const cookie of output.cookies as string[]) pairs.push(["set-cookie", cookie]);
  }
  return { ok: true, response: { status, headers: pairs, body } };
}

export function readProxyResponseV2(payload: string): ProxyReading {
  let output: unknown;
  try {
    output = JSON.parse(payload);
  } catch {
    return malformed("the function's output is not JSON");
  }
  if (isRecord(output) && "statusCode" in output) return readProxyResponseV1(payload, V2_KEYS);
  const body = typeof output === "string" ? output : payload;
  return { ok: true, response: { status: 200, headers: [["content-type", "application/json"]], body } };
}
