/** FlushStageCache (https://docs.aws.amazon.com/apigateway/latest/api/API_FlushStageCache.html): empties the stage's cache. */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import type { ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findRestStage } from "./rest-lookup.ts";

export function flushStageCache(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<Record<string, never>> {
  const found = findRestStage(context, asParams(input));
  if (!found.ok) return found;
  found.value.stage.cache.clear();
  return ok({});
}
