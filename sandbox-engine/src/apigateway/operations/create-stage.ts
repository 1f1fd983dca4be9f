/** CreateStage (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html): a named stage of a deployment, with its variables. */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, conflict, limitExceeded, notFound, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { MAX_STAGES_PER_API } from "../apigateway-limits.ts";
import type { RestStage } from "../apigateway-types.ts";
import { findRestApi, findRestStage } from "./rest-lookup.ts";
import { checkStageVariables } from "./stage-variables.ts";

export interface StageSummary {
  stageName: string;
  deploymentId: string;
  variables?: Record<string, string>;
  cacheClusterEnabled: boolean;
  methodSettings: Record<string, { throttlingRateLimit?: number; throttlingBurstLimit?: number; cachingEnabled?: boolean; cacheTtlInSeconds?: number }>;
  createdDate: Date;
}

export function summarizeStage(stage: RestStage): StageSummary {
  return {
    stageName: stage.stageName,
    deploymentId: stage.deploymentId,
    ...(Object.keys(stage.variables).length === 0 ? {} : { variables: { ...stage.variables } }),
    cacheClusterEnabled: stage.cacheClusterEnabled,
    methodSettings: methodSettingsOf(stage),
    createdDate: new Date(stage.createdDate),
  };
}

export function newRestStage(context: ApiGatewayContext, stageName: string, deploymentId: string, variables: Record<string, string>, cacheClusterEnabled: boolean): RestStage {
  return { stageName, deploymentId, variables, methodThrottling: new Map(), cacheClusterEnabled, methodCaching: new Map(), cache: new Map(), createdDate: context.clock.now() };
}

export function createStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<StageSummary> {
  const params = asParams(input);
  const api = findRestApi(context, params.restApiId);
  if (!api.ok) return api;
  const { stageName, deploymentId } = params;
  if (typeof stageName !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(stageName)) return badRequest("Stage name only allows a-zA-Z0-9_-");
  if (typeof deploymentId !== "string" || !api.value.deployments.has(deploymentId)) return notFound("Invalid Deployment identifier specified");
  if (api.value.stages.has(stageName)) return conflict("Stage already exists");
  if (api.value.stages.size >= MAX_STAGES_PER_API) return limitExceeded(`Too many stages: an API has at most ${MAX_STAGES_PER_API}`);
  const variables = checkStageVariables(params.variables);
  if (!variables.ok) return variables;
  const stage = newRestStage(context, stageName, deploymentId, variables.value, params.cacheClusterEnabled === true);
  api.value.stages.set(stageName, stage);
  return ok(summarizeStage(stage));
}

export function getStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<StageSummary> {
  const params = asParams(input);
  const found = findRestStage(context, params);
  return found.ok ? ok(summarizeStage(found.value.stage)) : found;
}

function methodSettingsOf(stage: RestStage): StageSummary["methodSettings"] {
  const settings: StageSummary["methodSettings"] = {};
  for (const [key, limits] of stage.methodThrottling) settings[key] = { throttlingRateLimit: limits.rateLimit, throttlingBurstLimit: limits.burstLimit };
  for (const [key, caching] of stage.methodCaching) settings[key] = { ...settings[key], cachingEnabled: caching.enabled, cacheTtlInSeconds: caching.ttlSeconds };
  return settings;
}
