/**
 * CreateUsagePlanKey (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlanKey.html): puts an API key
 * in a plan. A key may be in several plans, but only one per API stage (AWS-FACTS C.5 item 28).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, conflict, notFound, type ApiGatewayOutcome } from "../../apigateway-faults.ts";

export function createUsagePlanKey(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ id: string; type: "API_KEY"; name: string; value: string }> {
  const params = asParams(input);
  const plan = typeof params.usagePlanId === "string" ? context.usagePlans.get(params.usagePlanId) : undefined;
  if (plan === undefined) return notFound("Invalid Usage Plan ID specified");
  if (params.keyType !== "API_KEY") return badRequest("Invalid key type specified. Valid values are API_KEY");
  const key = typeof params.keyId === "string" ? context.apiKeys.get(params.keyId) : undefined;
  if (key === undefined) return notFound("Invalid API Key identifier specified");
  if (plan.keyIds.has(key.id)) return conflict("Usage Plan Key already exists");
  for (const other of context.usagePlans.values()) {
    if (other === plan || !other.keyIds.has(key.id)) continue;
    const shared = other.apiStages.find((a) => plan.apiStages.some((b) => a.apiId === b.apiId && a.stage === b.stage));
    if (shared !== undefined) {
      return conflict(`Usage Plan ${plan.id} cannot be added because API Key ${key.id} cannot reference multiple Usage Plans with the same API Stage: ${shared.apiId}:${shared.stage}`);
    }
  }
  plan.keyIds.add(key.id);
  return ok({ id: key.id, type: "API_KEY", name: key.name, value: key.value });
}
