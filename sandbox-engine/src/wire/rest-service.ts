/**
 * One REST-JSON service answered from a table of the SDK's operation schemas (API Gateway REST and v2, the
 * API Gateway management API): the request's method and path pick the operation, its input is read as the
 * traits say, and the engine's answer or fault is written as AWS writes it: `x-amzn-errortype: <Code>` and a JSON
 * body `{ "message": ... }` (plus the learner `hint`, which the SDK copies onto the error).
 */
import type { Fault, Outcome } from "../core/outcome.ts";
import { faultStatus } from "./error-kind.ts";
import { matchRoute, readRestInput, restRoute, writeRestOutput, type RestRoute } from "./rest-json.ts";
import { operationTable, type OperationSchema, type OperationShapes } from "./schema-json.ts";
import { utf8, type WireContext, type WireRequest, type WireResponse } from "./wire-message.ts";

export type RestRun = (input: Record<string, unknown>, context: WireContext, request: WireRequest) => Outcome<object> | Promise<Outcome<object>>;

export interface RestOperation extends OperationShapes {
  readonly route: RestRoute;
  readonly run: RestRun;
}

/** The table of a REST-JSON service; `statusOverrides` where the API reference and the SDK's model disagree. */
export function restOperations(entries: readonly (readonly [OperationSchema, RestRun])[], statusOverrides: Readonly<Record<string, number>> = {}): readonly RestOperation[] {
  return [...operationTable(entries).values()].map((operation) => {
    const route = restRoute(operation);
    return { ...operation, route: { ...route, status: statusOverrides[operation.name] ?? route.status } };
  });
}

/**
 * The answer of the first operation whose route matches `request` (its path with `pathPrefix` removed, for APIs
 * served under a stage); `unknown` answers a request that matches none.
 */
export async function answerRest(
  operations: readonly RestOperation[],
  request: WireRequest,
  context: WireContext,
  unknown: Fault,
): Promise<WireResponse> {
  for (const operation of operations) {
    const labels = matchRoute(operation.route, request);
    if (labels === undefined) continue;
    const input = await readRestInput(operation.input, request, labels);
    const outcome = await operation.run(input, context, request);
    // Let deliveries this call started begin before the caller goes on, as on AWS.
    await Promise.resolve();
    if (!outcome.ok) return restError(context, outcome.fault);
    const output = writeRestOutput(operation.output, outcome.value as Record<string, unknown>, operation.route.status);
    return { ...output, headers: { ...output.headers, "x-amzn-requestid": context.requestId } };
  }
  return restError(context, unknown);
}

export function restError(context: WireContext, fault: Fault): WireResponse {
  return {
    statusCode: faultStatus(fault),
    headers: { "content-type": "application/json", "x-amzn-requestid": context.requestId, "x-amzn-errortype": fault.code },
    body: utf8.encode(JSON.stringify({ message: fault.message, ...(fault.hint === undefined ? {} : { hint: fault.hint }) })),
  };
}
