/** Applying a deployed PutGatewayResponse to an answer API Gateway gave itself (see operations/put-gateway-response.ts). */
import type { CustomGatewayResponse } from "../apigateway-types.ts";
import type { GatewayResponse } from "./gateway-request.ts";

export function customizeGatewayResponse(custom: ReadonlyMap<string, CustomGatewayResponse>, response: GatewayResponse, requestId: string): GatewayResponse {
  const type = response.gatewayResponseType;
  if (type === undefined) return response;
  const setting = custom.get(type) ?? custom.get(response.status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
  if (setting === undefined) return response;
  let body = response.body;
  if (setting.template !== undefined) {
    const message = typeof response.body === "string" ? ((JSON.parse(response.body) as { message?: unknown }).message ?? null) : null;
    body = setting.template
      .replaceAll("$context.error.messageString", JSON.stringify(message))
      .replaceAll("$context.error.message", String(message))
      .replaceAll("$context.requestId", requestId);
  }
  return { ...response, status: setting.statusCode ?? response.status, headers: [...response.headers, ...Object.entries(setting.headers)], body };
}
