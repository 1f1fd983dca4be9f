/**
 * One AWS Query-protocol service (SNS, SES v1): `POST /` with a form body `Action=<Operation>&Version=<version>&...`,
 * answered in XML; errors as `<ErrorResponse><Error><Type/><Code/><Message/>` with the query code, from which the
 * SDK picks the exception class. A service gives its version, XML namespace and operation table.
 */
import type { Fault, Outcome } from "../core/outcome.ts";
import { faultStatus, faultType } from "./error-kind.ts";
import { parseForm, readQueryInput } from "./query-form.ts";
import { queryErrorXml, queryResponseXml } from "./query-xml.ts";
import type { OperationShapes } from "./schema-json.ts";
import type { WireContext, WireRequest, WireResponse } from "./wire-message.ts";

export interface QueryService {
  readonly version: string;
  readonly xmlns: string;
  readonly operations: ReadonlyMap<string, OperationShapes & { run: (input: Record<string, unknown>, context: WireContext) => Outcome<object> }>;
}

/** A form POST whose Version is the service's API version. */
export function isQueryRequest(service: QueryService, request: WireRequest): boolean {
  return (
    request.method === "POST" &&
    (request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded") ?? false) &&
    parseForm(request.body).get("Version") === service.version
  );
}

export async function answerQuery(service: QueryService, request: WireRequest, context: WireContext): Promise<WireResponse> {
  const params = parseForm(request.body);
  const action = params.get("Action") ?? "";
  const operation = service.operations.get(action);
  if (operation === undefined) {
    return queryError(service, context, { code: "InvalidAction", message: `The action ${action} is not valid for this endpoint: the sandbox does not simulate it.` });
  }
  const outcome = operation.run(readQueryInput(operation.input, params), context);
  // Let deliveries this call started (HTTP handlers, Lambda, notifications) begin before the caller goes on, as on AWS.
  await Promise.resolve();
  if (!outcome.ok) return queryError(service, context, outcome.fault);
  return {
    statusCode: 200,
    headers: { "content-type": "text/xml", "x-amzn-requestid": context.requestId },
    body: queryResponseXml(action, operation.output, outcome.value, context.requestId, service.xmlns),
  };
}

function queryError(service: QueryService, context: WireContext, fault: Fault): WireResponse {
  return {
    statusCode: faultStatus(fault),
    headers: { "content-type": "text/xml", "x-amzn-requestid": context.requestId },
    body: queryErrorXml({ type: faultType(fault), code: fault.queryCode ?? fault.code, message: fault.message }, context.requestId, service.xmlns),
  };
}
