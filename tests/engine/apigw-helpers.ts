import { createSandbox, type LambdaHandler, type Sandbox, type SandboxOptions } from "sandbox-engine";
import { valueOf } from "./lambda-helpers.ts";

export const ACCOUNT = "123456789012";
export const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
export const proxyUri = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn(name)}/invocations`;

/** Lets apigateway.amazonaws.com invoke `name` from any stage and method of `apiId` (the usual AddPermission). */
export function allowApi(sb: Sandbox, name: string, apiId: string): void {
  valueOf(
    sb.lambda.addPermission({
      FunctionName: name,
      StatementId: `apigw-${apiId}`,
      Action: "lambda:InvokeFunction",
      Principal: "apigateway.amazonaws.com",
      SourceArn: `arn:aws:execute-api:us-east-1:${ACCOUNT}:${apiId}/*`,
    }),
  );
}

export interface RestFixture {
  sb: Sandbox;
  apiId: string;
  rootId: string;
  url: (stage: string, path: string) => string;
  /** Adds `path` under the root (one resource per part) and a method on it with a proxy integration to `fn`. */
  route(path: string, method: string, fn: string): string;
  deploy(stageName: string, variables?: Record<string, string>): string;
}

/** A sandbox with a REST API "orders" and a function `fn` that API Gateway may invoke. */
export function givenRestApi(handler: LambdaHandler, options: SandboxOptions & { permission?: boolean; timeout?: number } = {}): RestFixture {
  const sb = createSandbox(options);
  sb.lambda.createFunction({ FunctionName: "fn", handler, ...(options.timeout === undefined ? {} : { Timeout: options.timeout }) });
  const api = valueOf(sb.apigateway.createRestApi({ name: "orders" }));
  if (options.permission !== false) allowApi(sb, "fn", api.id);
  const byPath = new Map<string, string>([["/", api.rootResourceId]]);
  const resourceOf = (path: string): string => {
    const known = byPath.get(path);
    if (known !== undefined) return known;
    const cut = path.lastIndexOf("/");
    const parentId = resourceOf(cut === 0 ? "/" : path.slice(0, cut));
    const { id } = valueOf(sb.apigateway.createResource({ restApiId: api.id, parentId, pathPart: path.slice(cut + 1) }));
    byPath.set(path, id);
    return id;
  };
  return {
    sb,
    apiId: api.id,
    rootId: api.rootResourceId,
    url: (stage, path) => `https://${api.id}.execute-api.us-east-1.amazonaws.com/${stage}${path}`,
    route(path, method, fn) {
      const resourceId = resourceOf(path);
      valueOf(sb.apigateway.putMethod({ restApiId: api.id, resourceId, httpMethod: method, authorizationType: "NONE" }));
      valueOf(sb.apigateway.putIntegration({ restApiId: api.id, resourceId, httpMethod: method, type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri(fn) }));
      return resourceId;
    },
    deploy(stageName, variables) {
      return valueOf(sb.apigateway.createDeployment({ restApiId: api.id, stageName, ...(variables === undefined ? {} : { variables }) })).id;
    },
  };
}

export interface HttpFixture {
  sb: Sandbox;
  apiId: string;
  base: string;
  integrationId: string;
  route(routeKey: string, integrationId?: string): void;
  integration(fn: string, version: "1.0" | "2.0", timeout?: number): string;
}

/** A sandbox with an HTTP API "shop" whose `$default` stage deploys automatically, and a function `fn` behind it (payload 2.0). */
export function givenHttpApi(handler: LambdaHandler, options: SandboxOptions & { permission?: boolean; stage?: false; timeout?: number } = {}): HttpFixture {
  const sb = createSandbox(options);
  sb.lambda.createFunction({ FunctionName: "fn", handler, Timeout: options.timeout ?? 60 });
  const api = valueOf(sb.apigateway.v2.createApi({ Name: "shop", ProtocolType: "HTTP" }));
  if (options.permission !== false) allowApi(sb, "fn", api.ApiId);
  const integration = (fn: string, version: "1.0" | "2.0", timeout?: number) =>
    valueOf(sb.apigateway.v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn(fn), PayloadFormatVersion: version, ...(timeout === undefined ? {} : { TimeoutInMillis: timeout }) })).IntegrationId;
  const integrationId = integration("fn", "2.0");
  if (options.stage !== false) valueOf(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));
  return {
    sb,
    apiId: api.ApiId,
    base: api.ApiEndpoint,
    integrationId,
    route(routeKey, target = integrationId) {
      valueOf(sb.apigateway.v2.createRoute({ ApiId: api.ApiId, RouteKey: routeKey, Target: `integrations/${target}` }));
    },
    integration,
  };
}

export function lastResponse(sb: Sandbox) {
  const responses = sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "response");
  const last = responses.at(-1);
  if (last === undefined || last.kind !== "response") throw new Error("no API Gateway response in the trace");
  return last;
}
