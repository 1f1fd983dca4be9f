/** SNS in the service registry (services.ts). */
import { defineService } from "../core/service-definition.ts";
import { createSns } from "./sns-service.ts";

export const snsDefinition = defineService({
  name: "sns",
  sdkModules: ["client-sns"],
  create: (env) => createSns(env),
});
