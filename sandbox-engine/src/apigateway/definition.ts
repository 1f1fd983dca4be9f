/** API Gateway in the service registry (services.ts). It invokes functions through the router, so it comes after Lambda. */
import { defineService } from "../core/service-definition.ts";
import { createApiGateway } from "./apigateway-service.ts";

export const apigatewayDefinition = defineService({
  name: "apigateway",
  sdkModules: ["client-api-gateway", "client-apigatewayv2", "client-apigatewaymanagementapi"],
  create: (env, _options: undefined) => createApiGateway(env),
});
