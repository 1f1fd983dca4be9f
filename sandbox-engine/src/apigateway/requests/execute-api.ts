/**
 * The front door: every request to `https://{apiId}.execute-api.{region}.amazonaws.com/...` of this sandbox.
 * Records the request, hands it to the REST or HTTP handler, records the response with its latency and
 * (when API Gateway answered for the backend) the reason.
 */
import { apiHost, type ApiGatewayContext } from "../apigateway-context.ts";
import type { GatewayRequest, GatewayResponse } from "./gateway-request.ts";
import { jsonResponse } from "./gateway-request.ts";
import { handleHttpRequest } from "./handle-http-request.ts";
import { handleRestRequest } from "./handle-rest-request.ts";
import type { RequestStart } from "./request-context.ts";

const HOST = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

/** The API id a URL addresses in this sandbox's Region, if it is an execute-api URL at all. */
export function apiIdOf(context: ApiGatewayContext, url: URL): string | undefined {
  const match = HOST.exec(url.hostname);
  return match !== null && match[2] === context.region ? match[1] : undefined;
}

/**
 * Decision (pricing page: https://aws.amazon.com/api-gateway/pricing/, "you only pay when your APIs are in use";
 * its FAQ says requests that fail authorization or are throttled are not charged): those answers are left off the bill.
 */
const UNBILLED = new Set(["UNAUTHORIZED", "ACCESS_DENIED", "INVALID_API_KEY", "THROTTLED", "QUOTA_EXCEEDED"]);

function isBilled(response: GatewayResponse): boolean {
  return response.gatewayResponseType === undefined || !UNBILLED.has(response.gatewayResponseType);
}

export async function executeApi(context: ApiGatewayContext, request: GatewayRequest): Promise<GatewayResponse> {
  const apiId = apiIdOf(context, request.url) ?? "";
  const api = context.apis.get(apiId);
  const startedAt = context.clock.now();
  const requestId = context.requestIds.uuid();
  let requestSeq = -1;
  let stageName = "";
  let cache: "hit" | "miss" | "refresh" | undefined;
  const start: RequestStart = {
    requestId,
    extendedRequestId: `${context.requestIds.hex(14)}=`,
    traceId: `Root=1-${Math.floor(startedAt / 1000).toString(16)}-${context.requestIds.hex(24)}`,
    noteCache(result) {
      cache = result;
    },
    record(stage, route) {
      stageName = stage;
      requestSeq = context.trace.record("apigateway", "request", apiId, { requestId, method: request.method, path: request.url.pathname, stage, route }).seq;
      return requestSeq;
    },
  };
  if (api === undefined || request.url.host !== apiHost(context, apiId)) {
    start.record("", "");
    const answered = jsonResponse(403, { message: "Forbidden" });
    context.trace.record("apigateway", "response", apiId, { requestId, status: 403, latencyMs: 0, reason: `no API ${apiId} in this sandbox` }, requestSeq);
    return answered;
  }
  if (api.kind === "HTTP" && api.protocolType === "WEBSOCKET") {
    // Decision: an https request to a WebSocket API is not an upgrade request; API Gateway answers it 403 Forbidden.
    start.record("", "");
    context.trace.record("apigateway", "response", apiId, { requestId, status: 403, latencyMs: 0, reason: `${apiId} is a WebSocket API: connect with sb.apigateway.connect("wss://...")` }, requestSeq);
    return jsonResponse(403, { message: "Forbidden" });
  }
  const answered = api.kind === "REST" ? await handleRestRequest(context, api, request, start) : await handleHttpRequest(context, api, request, start);
  context.requests.push({ apiId: api.id, protocol: api.kind, billed: isBilled(answered.response), stage: stageName, time: startedAt, status: answered.response.status, latencyMs: context.clock.now() - startedAt, cache });
  context.trace.record(
    "apigateway",
    "response",
    api.id,
    { requestId, status: answered.response.status, latencyMs: context.clock.now() - startedAt, reason: answered.reason ?? null },
    requestSeq,
  );
  return answered.response;
}
