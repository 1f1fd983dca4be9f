/**
 * Lambda over REST-JSON: `POST /2015-03-31/functions/{FunctionName}/invocations` and friends. Invoke answers with
 * the function's response as the raw body and `X-Amz-Function-Error`, `X-Amz-Log-Result` (base64, last 4 KB of
 * the log) and `X-Amz-Executed-Version` headers; errors carry `x-amzn-errortype: <Code>` and a JSON body
 * `{ "Type": "User" | "Service", "message": ... }` (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
import * as lambda from "@aws-sdk/client-lambda";
import type { Fault } from "../../core/outcome.ts";
import type { LambdaFault, LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaService } from "../lambda-service.ts";
import { createFunctionFromZip } from "./create-function-from-zip.ts";
import { faultStatus } from "../../wire/error-kind.ts";
import { matchRoute, readRestInput, restRoute, writeRestOutput } from "../../wire/rest-json.ts";
import { operationTable } from "../../wire/schema-json.ts";
import { utf8, type WireContext, type WireRequest, type WireResponse } from "../../wire/wire-message.ts";

/** Where the API reference and the SDK's model disagree, the API reference: DeleteFunction answers 204
 * (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html), the model says 200. */
const STATUS_OVERRIDES: Readonly<Record<string, number>> = { DeleteFunction: 204 };

type Run = (service: LambdaService, input: never, context: WireContext) => LambdaOutcome<object> | Promise<LambdaOutcome<object>>;

const operations = [
  ...operationTable<Run>([
    [lambda.CreateFunction$, (s, i, context) => createFunctionFromZip(s, i, context)],
    [lambda.Invoke$, (s, i) => s.invoke(i)],
    [lambda.GetFunction$, (s, i) => s.getFunction(i)],
    [lambda.GetFunctionConfiguration$, (s, i) => configurationOf(s, i)],
    [lambda.ListFunctions$, (s, i) => s.listFunctions(i)],
    [lambda.DeleteFunction$, (s, i) => s.deleteFunction(i)],
    [lambda.UpdateFunctionConfiguration$, (s, i) => s.updateFunctionConfiguration(i)],
    [lambda.PutFunctionConcurrency$, (s, i) => s.putFunctionConcurrency(i)],
    [lambda.DeleteFunctionConcurrency$, (s, i) => s.deleteFunctionConcurrency(i)],
    [lambda.GetFunctionConcurrency$, (s, i) => s.getFunctionConcurrency(i)],
    [lambda.PutFunctionEventInvokeConfig$, (s, i) => s.putFunctionEventInvokeConfig(i)],
    [lambda.GetFunctionEventInvokeConfig$, (s, i) => s.getFunctionEventInvokeConfig(i)],
    [lambda.DeleteFunctionEventInvokeConfig$, (s, i) => s.deleteFunctionEventInvokeConfig(i)],
    [lambda.CreateEventSourceMapping$, (s, i) => s.createEventSourceMapping(i)],
    [lambda.UpdateEventSourceMapping$, (s, i) => s.updateEventSourceMapping(i)],
    [lambda.DeleteEventSourceMapping$, (s, i) => s.deleteEventSourceMapping(i)],
    [lambda.GetEventSourceMapping$, (s, i) => s.getEventSourceMapping(i)],
    [lambda.ListEventSourceMappings$, (s, i) => s.listEventSourceMappings(i)],
    [lambda.AddPermission$, (s, i) => s.addPermission(i)],
    [lambda.RemovePermission$, (s, i) => s.removePermission(i)],
    [lambda.GetPolicy$, (s, i) => s.getPolicy(i)],
  ]).values(),
].map((operation) => {
  const route = restRoute(operation);
  return { ...operation, route: { ...route, status: STATUS_OVERRIDES[operation.name] ?? route.status } };
});

export const lambdaOperationNames: readonly string[] = operations.map((operation) => operation.name);

function configurationOf(service: LambdaService, input: never): LambdaOutcome<object> {
  const found = service.getFunction(input);
  return found.ok ? { ok: true, value: found.value.Configuration ?? {} } : found;
}

/** Lambda's API paths start with a dated version: /2015-03-31/, /2017-10-31/, /2019-09-25/, ... */
export function isLambdaRestRequest(request: WireRequest): boolean {
  return /^\/20\d\d-\d\d-\d\d\/(functions|event-source-mappings)(\/|$|\?)/.test(request.path);
}

export async function answerLambdaRest(request: WireRequest, context: WireContext): Promise<WireResponse> {
  for (const operation of operations) {
    const labels = matchRoute(operation.route, request);
    if (labels === undefined) continue;
    const input = await readRestInput(operation.input, request, labels);
    const outcome = await operation.run(context.sandbox.lambda, input as never, context);
    if (!outcome.ok) return lambdaError(context, outcome.fault);
    const output = writeRestOutput(operation.output, outcome.value as Record<string, unknown>, operation.route.status);
    // An Invoke answers with its invocation's request id (context.awsRequestId, the logs): a non-enumerable requestId.
    const invocationId = (outcome.value as { requestId?: unknown }).requestId;
    const requestId = typeof invocationId === "string" ? invocationId : context.requestId;
    return { ...output, headers: { ...output.headers, "x-amzn-requestid": requestId } };
  }
  return lambdaError(context, {
    code: "UnknownOperationException",
    message: `The sandbox does not simulate the Lambda operation ${request.method} ${request.path}.`,
    httpStatusCode: 404,
  });
}

/** A Lambda fault, or the adapter's own (an operation the sandbox does not simulate). */
function lambdaError(context: WireContext, fault: Fault & Pick<LambdaFault, "extra">): WireResponse {
  const body = {
    Type: fault.fault === "server" ? "Service" : "User",
    message: fault.message,
    ...fault.extra,
    ...(fault.hint === undefined ? {} : { hint: fault.hint }),
  };
  return {
    statusCode: faultStatus(fault),
    headers: { "content-type": "application/json", "x-amzn-requestid": context.requestId, "x-amzn-errortype": fault.code },
    body: utf8.encode(JSON.stringify(body)),
  };
}
