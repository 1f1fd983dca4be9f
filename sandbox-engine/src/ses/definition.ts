/**
 * SES in the service registry (services.ts). No SDK modules yet: the real @aws-sdk/client-ses (Query/XML)
 * and @aws-sdk/client-sesv2 (REST-JSON) wire adapters come with the real-SDK layer. No receiver: nothing
 * delivers to SES.
 */
import { defineService } from "../core/service-definition.ts";
import { createSes } from "./ses-service.ts";

export const sesDefinition = defineService({
  name: "ses",
  sdkModules: [],
  // No options: `createSandbox({ ses: ... })` is a type error.
  create: (env, _options: undefined) => createSes(env),
});
