/** API Gateway in the service registry (services.ts). It invokes functions through the router, so it comes after Lambda. */
import { defineService } from "../core/service-definition.ts";
import { createApiGateway } from "./apigateway-service.ts";

export const apigatewayDefinition = defineService({
  name: "apigateway",
  // The SDK modules (client-api-gateway, client-apigatewayv2, client-apigatewaymanagementapi) come with the wire adapters.
  sdkModules: [],
  create: (env, _options: undefined) => createApiGateway(env),
});
