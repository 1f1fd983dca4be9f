/**
 * SES in the service registry (services.ts): the real @aws-sdk/client-ses (Query/XML, ses/wire/ses-query-protocol.ts)
 * and @aws-sdk/client-sesv2 (REST-JSON, ses/wire/sesv2-rest-protocol.ts) over one state. No receiver: nothing
 * delivers to SES.
 */
import { defineService } from "../core/service-definition.ts";
import type { SesFaults } from "./fault-injection.ts";
import { createSes } from "./ses-service.ts";

export const sesDefinition = defineService({
  name: "ses",
  sdkModules: ["client-ses", "client-sesv2"],
  // No options: `createSandbox({ ses: ... })` is a type error. Faults: `createSandbox({ faults: { ses: { bounce } } })`.
  create: (env, _options: undefined, faults: SesFaults | undefined) => createSes({ ...env, faults }),
});
