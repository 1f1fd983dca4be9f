/** GetApis (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html#GetApis): every HTTP API, oldest first. */
import { ok } from "../../../core/outcome.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import type { ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { summarizeHttpApi, type HttpApiSummary } from "./create-api.ts";

export function getApis(context: ApiGatewayContext): ApiGatewayOutcome<{ Items: HttpApiSummary[] }> {
  return ok({ Items: [...context.apis.values()].flatMap((api) => (api.kind === "HTTP" ? [summarizeHttpApi(context, api)] : [])) });
}
