/**
 * CloudWatch-style metrics of a WebSocket API, for the whole API or one stage
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html):
 * - ConnectCount: messages sent to the `$connect` route integration (a connection refused before it, by a missing
 *   stage or an authorizer, or a `$connect` route with no integration, sends none);
 * - MessageCount: messages sent to the API, from or to the client (whole messages, not the 32 KB units the bill
 *   counts);
 * - IntegrationError: integration calls that answered a 4XX/5XX (a proxy answer's statusCode);
 * - ClientError: 4XX answers API Gateway gave before calling an integration (no such stage, an authorizer's 401/403,
 *   a message that selects no route);
 * - ExecutionError: errors calling the integration. Decision (the page does not list them): a function error, a
 *   timeout, and an invocation Lambda refused (no permission, no function);
 * - IntegrationLatency: from sending the event to the integration to its answer, virtual ms; only calls that answered.
 */
import type { ApiGatewayContext, IntegrationOutcome, WebSocketMetricRecord } from "../apigateway-context.ts";
import { metricsOf, timingStatistics, type TimingStatistics } from "../api-metrics.ts";
import type { FunctionAnswer } from "../requests/invoke-function.ts";

export interface WebSocketMetricValues {
  ConnectCount: number;
  MessageCount: number;
  IntegrationError: number;
  ClientError: number;
  ExecutionError: number;
  IntegrationLatency: TimingStatistics;
}

export interface WebSocketApiMetrics extends WebSocketMetricValues {
  readonly protocol: "WEBSOCKET";
  datapoints: (WebSocketMetricValues & { timestamp: number })[];
}

/** How an integration call ended, for IntegrationError and ExecutionError. */
export function integrationOutcome(answer: FunctionAnswer): IntegrationOutcome {
  if (answer.kind !== "reply" || answer.reply.functionError !== undefined) return "execution-error";
  let output: unknown;
  try {
    output = JSON.parse(answer.reply.payload);
  } catch {
    return "answered";
  }
  const status = typeof output === "object" && output !== null ? Number((output as { statusCode?: unknown }).statusCode ?? 200) : 200;
  return status >= 400 ? "integration-error" : "answered";
}

export function recordWebSocketMetric(context: ApiGatewayContext, record: WebSocketMetricRecord): void {
  context.webSocketRecords.push(record);
}

function valuesOf(records: readonly WebSocketMetricRecord[]): WebSocketMetricValues {
  const calls = records.flatMap((record) => (record.kind === "integration" ? [record] : []));
  return {
    ConnectCount: calls.filter((call) => call.routeKey === "$connect").length,
    MessageCount: records.filter((record) => record.kind === "message").length,
    IntegrationError: calls.filter((call) => call.outcome === "integration-error").length,
    ClientError: records.filter((record) => record.kind === "client-error").length,
    ExecutionError: calls.filter((call) => call.outcome === "execution-error").length,
    IntegrationLatency: timingStatistics(calls.flatMap((call) => (call.latencyMs === undefined ? [] : [call.latencyMs]))),
  };
}

export function webSocketApiMetrics(all: readonly WebSocketMetricRecord[], apiId: string, stage: string | undefined, periodMs: number): WebSocketApiMetrics {
  return { protocol: "WEBSOCKET", ...metricsOf(all, apiId, stage, periodMs, valuesOf) };
}
