/** CreateRestApi (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateRestApi.html): a new API with its root resource "/". */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import { newId, type ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import type { RestApi } from "../apigateway-types.ts";

export interface RestApiSummary {
  id: string;
  name: string;
  description?: string;
  createdDate: Date;
  rootResourceId: string;
  apiKeySource: "HEADER";
  endpointConfiguration: { types: ["EDGE"] };
}

export function summarizeRestApi(api: RestApi): RestApiSummary {
  return {
    id: api.id,
    name: api.name,
    ...(api.description === undefined ? {} : { description: api.description }),
    createdDate: new Date(api.createdDate),
    rootResourceId: api.rootResourceId,
    apiKeySource: "HEADER",
    endpointConfiguration: { types: ["EDGE"] },
  };
}

export function createRestApi(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<RestApiSummary> {
  const params = asParams(input);
  if (typeof params.name !== "string" || params.name === "") return badRequest("Invalid REST API name specified", "CreateRestApi needs a name.");
  const description = typeof params.description === "string" ? params.description : undefined;
  const id = newId(context, 10);
  const rootResourceId = newId(context, 10);
  const api: RestApi = {
    kind: "REST",
    id,
    name: params.name,
    description,
    createdDate: context.clock.now(),
    rootResourceId,
    resources: new Map([[rootResourceId, { id: rootResourceId, parentId: undefined, pathPart: "", path: "/", methods: new Map() }]]),
    deployments: new Map(),
    stages: new Map(),
    authorizers: new Map(),
    gatewayResponses: new Map(),
  };
  context.apis.set(id, api);
  context.trace.record("apigateway", "create-api", id, { name: api.name, protocol: "REST" });
  return ok(summarizeRestApi(api));
}
