/**
 * CreateDeployment for HTTP APIs: freezes the routes and integrations; with StageName, points that stage at it.
 * A stage with AutoDeploy always serves the current routes
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html).
 */
import { ok } from "../../../core/outcome.ts";
import { asParams } from "../../../core/params.ts";
import { newId, type ApiGatewayContext } from "../../apigateway-context.ts";
import { badRequest, notFound, type ApiGatewayOutcome } from "../../apigateway-faults.ts";
import type { HttpApi, HttpSnapshot } from "../../apigateway-types.ts";
import { findHttpApi } from "./http-lookup.ts";

export function snapshotOf(api: HttpApi): HttpSnapshot {
  return { routes: [...api.routes.values()].map((route) => ({ ...route })), integrations: new Map(api.integrations) };
}

export function createHttpDeployment(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ DeploymentId: string; DeploymentStatus: "DEPLOYED"; CreatedDate: Date }> {
  const params = asParams(input);
  const api = findHttpApi(context, params.ApiId);
  if (!api.ok) return api;
  const stage = params.StageName === undefined ? undefined : api.value.stages.get(String(params.StageName));
  if (params.StageName !== undefined && stage === undefined) return notFound(`Invalid stage identifier specified`);
  if (stage?.autoDeploy === true) return badRequest(`Stage ${stage.stageName} has AutoDeploy enabled: it deploys by itself`);
  const deployment = { id: newId(context, 6), createdDate: context.clock.now(), snapshot: snapshotOf(api.value) };
  api.value.deployments.set(deployment.id, deployment);
  if (stage !== undefined) stage.deploymentId = deployment.id;
  context.trace.record("apigateway", "deploy", api.value.id, { deploymentId: deployment.id, stage: stage?.stageName ?? null });
  return ok({ DeploymentId: deployment.id, DeploymentStatus: "DEPLOYED", CreatedDate: new Date(deployment.createdDate) });
}
