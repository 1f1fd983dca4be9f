/**
 * PutIntegrationResponse (https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegrationResponse.html),
 * for MOCK integrations: the body (response template) answered with a status code. The status code
 * must have a method response first ("Invalid Method Response status code specified" otherwise).
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, notFound, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findMethod } from "./find-method.ts";

export function putIntegrationResponse(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ statusCode: string; responseTemplates?: Record<string, string> }> {
  const params = asParams(input);
  const method = findMethod(context, params);
  if (!method.ok) return method;
  const integration = method.value.integration;
  if (integration === undefined) return notFound("No integration defined for method");
  if (typeof params.statusCode !== "string" || !method.value.methodResponses.has(params.statusCode)) {
    return notFound("Invalid Method Response status code specified");
  }
  if (integration.type !== "MOCK") return badRequest("Integration responses are simulated for MOCK integrations only (a Lambda proxy answers for itself)");
  const templates = typeof params.responseTemplates === "object" && params.responseTemplates !== null ? (params.responseTemplates as Record<string, unknown>) : {};
  const [contentType, body] = Object.entries(templates).find((entry): entry is [string, string] => typeof entry[1] === "string") ?? ["application/json", ""];
  integration.responses.set(params.statusCode, { contentType, body });
  return ok({ statusCode: params.statusCode, ...(body === "" ? {} : { responseTemplates: { [contentType]: body } }) });
}
