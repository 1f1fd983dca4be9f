/**
 * CreateDeployment (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html): freezes the
 * API's resources and methods; with `stageName` it also creates that stage or points it at the new
 * deployment. Only deployed changes take effect.
 */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import { newId, type ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, limitExceeded, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { MAX_STAGES_PER_API } from "../apigateway-limits.ts";
import type { RestApi, RestDeployment, RestIntegration } from "../apigateway-types.ts";
import { findRestApi } from "./rest-lookup.ts";
import { cacheSettingsOf, newRestStage } from "./create-stage.ts";
import { checkStageVariables } from "./stage-variables.ts";

export interface DeploymentSummary {
  id: string;
  description?: string;
  createdDate: Date;
}

export function createDeployment(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<DeploymentSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const missing = methodWithoutIntegration(api.value);
  if (missing !== undefined) return badRequest("No integration defined for method", `Give ${missing} an integration (PutIntegration) before deploying.`);
  if ([...api.value.resources.values()].every((resource) => resource.methods.size === 0)) {
    return badRequest("The REST API doesn't contain any methods");
  }
  const variables = checkStageVariables(params.variables);
  if (!variables.ok) return variables;
  const cache = cacheSettingsOf(params);
  if (typeof cache === "string") return badRequest(cache);
  const stageName = params.stageName;
  if (stageName !== undefined && (typeof stageName !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(stageName))) {
    return badRequest("Stage name only allows a-zA-Z0-9_-");
  }
  if (typeof stageName === "string" && !api.value.stages.has(stageName) && api.value.stages.size >= MAX_STAGES_PER_API) {
    return limitExceeded(`Too many stages: an API has at most ${MAX_STAGES_PER_API}`);
  }
  const deployment: RestDeployment = {
    id: newId(context, 6),
    createdDate: context.clock.now(),
    description: typeof params.description === "string" ? params.description : undefined,
    resources: [...api.value.resources.values()].map((resource) => ({
      id: resource.id,
      path: resource.path,
      pathPart: resource.pathPart,
      parentId: resource.parentId,
      methods: new Map([...resource.methods].map(([verb, method]) => [verb, { ...method, ...frozenIntegration(method.integration) }])),
    })),
    // The cache is shared with the live authorizer (its TTL is what limits it); the settings are frozen.
    authorizers: new Map([...api.value.authorizers].map(([id, authorizer]) => [id, { ...authorizer }])),
    gatewayResponses: new Map(api.value.gatewayResponses),
  };
  api.value.deployments.set(deployment.id, deployment);
  if (typeof stageName === "string") {
    const stage = api.value.stages.get(stageName);
    if (stage === undefined) {
      api.value.stages.set(stageName, newRestStage(context, api.value.id, stageName, deployment.id, variables.value, cache));
    } else {
      stage.deploymentId = deployment.id;
      stage.variables = { ...stage.variables, ...variables.value };
      stage.cache.clear(); // a new deployment does not answer from the old one's responses
    }
  }
  context.trace.record("apigateway", "deploy", api.value.id, { deploymentId: deployment.id, stage: typeof stageName === "string" ? stageName : null });
  return ok({ id: deployment.id, ...(deployment.description === undefined ? {} : { description: deployment.description }), createdDate: new Date(deployment.createdDate) });
}

function methodWithoutIntegration(api: RestApi): string | undefined {
  for (const resource of api.resources.values()) {
    for (const method of resource.methods.values()) if (method.integration === undefined) return `${method.httpMethod} ${resource.path}`;
  }
  return undefined;
}

/** A copy of the integration, so later PutIntegrationResponse calls do not reach the deployment. */
function frozenIntegration(integration: RestIntegration | undefined): { integration?: RestIntegration } {
  if (integration === undefined) return {};
  return { integration: integration.type === "MOCK" ? { ...integration, responses: new Map(integration.responses) } : { ...integration } };
}
