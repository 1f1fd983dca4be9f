/** SNS in the service registry (services.ts). */
import { defineService } from "../core/service-definition.ts";
import { createSns } from "./sns-service.ts";

export const snsDefinition = defineService({
  name: "sns",
  sdkModules: ["client-sns"],
  // No options: `createSandbox({ sns: ... })` is a type error.
  create: (env, _options: undefined) => createSns(env),
});
