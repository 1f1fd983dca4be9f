/** `sb.http` in the service registry: the client side of API Gateway (calls the APIs at their URLs). */
import { defineService } from "../core/service-definition.ts";
import type { ApiGatewayService } from "./apigateway-service.ts";
import { createHttp } from "./http-service.ts";

export const httpDefinition = defineService({
  name: "http",
  sdkModules: [],
  create: (env, _options: undefined) => createHttp(env.peer<ApiGatewayService>("apigateway")),
});
