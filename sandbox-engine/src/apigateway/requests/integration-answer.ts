/** Turning a function's answer into the caller's response, per protocol and payload format, with the trace's reason. */
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { PayloadFormatVersion } from "../apigateway-types.ts";
import type { GatewayResponse } from "./gateway-request.ts";
import { gatewayResponse, type ApiProtocol } from "./gateway-responses.ts";
import { invokeFunction, type FunctionCall } from "./invoke-function.ts";
import { readProxyResponseV1, readProxyResponseV2 } from "./proxy-response.ts";

export interface Answered {
  readonly response: GatewayResponse;
  /** Why API Gateway answered for the function (for the trace), if it did. */
  readonly reason?: string;
}

export async function callLambdaProxy(
  context: ApiGatewayContext,
  protocol: ApiProtocol,
  format: PayloadFormatVersion,
  call: FunctionCall,
  requestId: string,
): Promise<Answered> {
  const answer = await invokeFunction(context, call);
  if (answer.kind === "timeout") {
    return { response: gatewayResponse(protocol, "INTEGRATION_TIMEOUT", requestId), reason: `Execution failed: the function did not answer within the integration timeout of ${call.timeoutMs} ms` };
  }
  if (answer.kind === "not-invoked") {
    return { response: gatewayResponse(protocol, "API_CONFIGURATION_ERROR", requestId), reason: `Execution failed due to configuration error: ${answer.reason}` };
  }
  if (answer.reply.functionError !== undefined) {
    return { response: gatewayResponse(protocol, "BAD_GATEWAY", requestId), reason: `Lambda execution failed with status 200 due to customer function error: ${answer.reply.payload}` };
  }
  const reading = format === "2.0" ? readProxyResponseV2(answer.reply.payload) : readProxyResponseV1(answer.reply.payload);
  if (!reading.ok) return { response: gatewayResponse(protocol, "BAD_GATEWAY", requestId), reason: `Execution failed due to configuration error: ${reading.reason}` };
  const idHeader: readonly [string, string] = protocol === "REST" ? ["x-amzn-RequestId", requestId] : ["apigw-requestid", requestId];
  return { response: { ...reading.response, headers: [...reading.response.headers, idHeader] } };
}
