/**
 * CreateStage for HTTP APIs (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages.html):
 * "$default" is served from the API's base URL, other stages under /{stage}; AutoDeploy; StageVariables;
 * DefaultRouteSettings and RouteSettings (by route key) with ThrottlingRateLimit and ThrottlingBurstLimit.
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import type { ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, conflict, limitExceeded, notFound, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import { MAX_STAGES_PER_API } from "../../apigateway-limits.ts";
import type { HttpStage, ThrottleLimits } from "../../apigateway-types.ts";
import { checkStageVariables } from "../stage-variables.ts";
import { findHttpApi } from "./http-lookup.ts";

export interface HttpStageSummary {
  StageName: string;
  AutoDeploy: boolean;
  DeploymentId?: string;
  StageVariables?: Record<string, string>;
  CreatedDate: Date;
}

export function createHttpStage(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<HttpStageSummary> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  const stageName = params.StageName;
  if (typeof stageName !== "string" || !/^(\$default|[A-Za-z0-9_-]{1,128})$/.test(stageName)) return badRequest("Stage name only allows a-zA-Z0-9_- or $default");
  if (api.value.stages.has(stageName)) return conflict(`Stage ${stageName} already exists`);
  if (api.value.stages.size >= MAX_STAGES_PER_API) return limitExceeded(`Too many stages: an API has at most ${MAX_STAGES_PER_API}`);
  const deploymentId = params.DeploymentId;
  if (deploymentId !== undefined && (typeof deploymentId !== "string" || !api.value.deployments.has(deploymentId))) return notFound("Invalid deployment identifier specified");
  const variables = checkStageVariables(params.StageVariables);
  if (!variables.ok) return variables;
  const defaultLimits = throttleLimits(params.DefaultRouteSettings);
  if (defaultLimits === "invalid") return badRequest("ThrottlingRateLimit and ThrottlingBurstLimit must be numbers >= 0");
  const routeThrottling = new Map<string, ThrottleLimits>();
  const routeSettings = typeof params.RouteSettings === "object" && params.RouteSettings !== null ? (params.RouteSettings as Record<string, unknown>) : {};
  for (const [routeKey, settings] of Object.entries(routeSettings)) {
    const limits = throttleLimits(settings);
    if (limits === "invalid") return badRequest(`RouteSettings ${routeKey}: ThrottlingRateLimit and ThrottlingBurstLimit must be numbers >= 0`);
    if (limits !== undefined) routeThrottling.set(routeKey, limits);
  }
  const stage: HttpStage = {
    stageName,
    autoDeploy: params.AutoDeploy === true,
    deploymentId: typeof deploymentId === "string" ? deploymentId : undefined,
    variables: variables.value,
    defaultRouteThrottling: defaultLimits,
    routeThrottling,
    createdDate: context.clock.now(),
  };
  api.value.stages.set(stageName, stage);
  return ok({
    StageName: stageName,
    AutoDeploy: stage.autoDeploy,
    ...(stage.deploymentId === undefined ? {} : { DeploymentId: stage.deploymentId }),
    ...(Object.keys(stage.variables).length === 0 ? {} : { StageVariables: { ...stage.variables } }),
    CreatedDate: new Date(stage.createdDate),
  });
}

/** Both limits, when either is given; the other defaults to the account's. */
function throttleLimits(settings: unknown): ThrottleLimits | undefined | "invalid" {
  if (typeof settings !== "object" || settings === null) return undefined;
  const { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst } = settings as Record<string, unknown>;
  if (rate === undefined && burst === undefined) return undefined;
  const valid = (value: unknown): value is number | undefined => value === undefined || (typeof value === "number" && Number.isFinite(value) && value >= 0);
  if (!valid(rate) || !valid(burst)) return "invalid";
  return { rateLimit: rate ?? 10_000, burstLimit: Math.floor(burst ?? 5_000) };
}
