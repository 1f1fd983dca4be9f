/**
 * Invoke: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (AWS-FACTS C.1 items 4-6).
 * RequestResponse -> 200 (FunctionError "Unhandled" and the error payload when the function
 * fails), Event -> 202 (queued, see async-invoke.ts), DryRun -> 204 (checks only). Payloads are
 * bytes as in the SDK (a string is accepted); an absent payload is the event {}.
 */
import { enqueueAsync } from "./async-invoke.ts";
import { findFunction } from "./functions.ts";
import {
  invalidParameter,
  invalidRequestContent,
  requestTooLarge,
  tooManyRequests,
  type LambdaOutcome,
} from "./lambda-faults.ts";
import { ASYNC_PAYLOAD_LIMIT_BYTES, SYNC_PAYLOAD_LIMIT_BYTES } from "./lambda-limits.ts";
import type { LambdaState } from "./lambda-state.ts";
import type { InvokeResult } from "./lambda-types.ts";
import { logTail } from "./logs.ts";
import { asParams, show } from "./params.ts";
import { runInvocation } from "./runtime.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const INVOCATION_TYPES = ["Event", "RequestResponse", "DryRun"] as const;

function payloadBytes(payload: unknown): LambdaOutcome<Uint8Array> {
  if (payload === undefined || payload === null) return { ok: true, value: new Uint8Array(0) };
  if (payload instanceof Uint8Array) return { ok: true, value: payload };
  if (typeof payload === "string") return { ok: true, value: encoder.encode(payload) };
  return invalidParameter(
    `Payload must be bytes (Uint8Array) or a string, got ${show(payload)}.`,
    "Encode the event: Payload: new TextEncoder().encode(JSON.stringify(event)).",
  );
}

/**
 * ClientContext: "Up to 3,583 bytes of base64-encoded data about the invoking client to pass to the function in
 * the context object" (API_Invoke.html); the Node.js runtime gives the handler the parsed JSON as
 * context.clientContext (LocalStack's AWS-recorded test_lambda snapshot: { custom, client, env }). The text for
 * a value that is not base64 JSON is ours (UNVERIFIED: no AWS-recorded sample found).
 */
function decodeClientContext(given: unknown): LambdaOutcome<unknown> {
  if (given === undefined || given === null || given === "") return { ok: true, value: undefined };
  if (typeof given !== "string") return invalidParameter(`ClientContext must be a base64 string, got ${show(given)}.`);
  if (given.length > 3583) {
    return invalidParameter(`1 validation error detected: Value at 'clientContext' failed to satisfy constraint: Member must have length less than or equal to 3583`);
  }
  try {
    const bytes = Uint8Array.from(atob(given), (char) => char.charCodeAt(0));
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) as unknown };
  } catch {
    return invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
  }
}

/** `cause` (engine-internal): trace seq of the event that led to this invocation (an SNS delivery). */
export async function invoke(state: LambdaState, input: unknown, cause?: number): Promise<LambdaOutcome<InvokeResult>> {
  const params = asParams(input);
  // "Function not found: arn:...:function:<name>:$LATEST": Invoke runs a version (AWS-recorded; moto and LocalStack snapshots).
  const found = findFunction(state, params.FunctionName, "FunctionName", true);
  if (!found.ok) return found;
  const fn = found.value;
  const type = params.InvocationType ?? "RequestResponse";
  if (typeof type !== "string" || !(INVOCATION_TYPES as readonly string[]).includes(type)) {
    return invalidParameter(
      `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  }
  const logType = params.LogType ?? "None";
  if (logType !== "None" && logType !== "Tail") {
    return invalidParameter(
      `1 validation error detected: Value '${String(logType)}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]`,
    );
  }
  const bytes = payloadBytes(params.Payload);
  if (!bytes.ok) return bytes;
  const limit = type === "Event" ? ASYNC_PAYLOAD_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES;
  if (bytes.value.length > limit) return requestTooLarge(limit, type === "Event" ? "InvokeAsync" : "Invoke");
  const text = decoder.decode(bytes.value);
  let event: unknown = {};
  if (text.trim() !== "") {
    try {
      event = JSON.parse(text) as unknown;
    } catch (error) {
      return invalidRequestContent(
        `Could not parse request body into json: Could not parse payload into json: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const clientContext = decodeClientContext(params.ClientContext);
  if (!clientContext.ok) return clientContext;
  if (type === "DryRun") return { ok: true, value: { StatusCode: 204, Payload: new Uint8Array(0) } };
  // One request id per invocation: the response's (x-amzn-RequestId), context.awsRequestId, the logs and, for an
  // event, every retry and its record (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html).
  const requestId = state.ids.uuid();
  if (type === "Event") {
    enqueueAsync(state, fn.name, event, requestId, cause);
    return { ok: true, value: withRequestId({ StatusCode: 202, Payload: new Uint8Array(0) }, requestId) };
  }
  const outcome = await runInvocation(state, fn, event, { trigger: "sync", callerWaits: true, cause, clientContext: clientContext.value, requestId });
  if (outcome.kind === "throttled") return tooManyRequests(outcome.reason);
  return {
    ok: true,
    value: withRequestId({
      StatusCode: 200,
      ...(outcome.status === "success" ? {} : { FunctionError: "Unhandled" }),
      ...(logType === "Tail" ? { LogResult: logTail(outcome.logLines) } : {}),
      ExecutedVersion: "$LATEST",
      Payload: encoder.encode(outcome.payload),
    }, requestId),
  };
}

/**
 * Attaches the invocation's request id for the SDK layer to answer with (as the response's request id). Not
 * enumerable: it is no output member, so spreading or serialising the result leaves it out.
 */
function withRequestId(result: InvokeResult, requestId: string): InvokeResult {
  return Object.defineProperty(result, "requestId", { value: requestId, enumerable: false });
}
