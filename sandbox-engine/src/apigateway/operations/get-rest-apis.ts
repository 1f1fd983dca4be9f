/** GetRestApis (https://docs.aws.amazon.com/apigateway/latest/api/API_GetRestApis.html): every REST API, oldest first. */
import { ok } from "../../core/outcome.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { ApiGatewayOutcome } from "../apigateway-faults.ts";
import { summarizeRestApi, type RestApiSummary } from "./create-rest-api.ts";

export function getRestApis(context: ApiGatewayContext): ApiGatewayOutcome<{ items: RestApiSummary[] }> {
  return ok({ items: [...context.apis.values()].flatMap((api) => (api.kind === "REST" ? [summarizeRestApi(api)] : [])) });
}
