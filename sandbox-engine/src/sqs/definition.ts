/** SQS in the service registry (services.ts). */
import { defineService } from "../core/service-definition.ts";
import { withSqsFaults, type SqsFaults, type SqsOptions } from "./delivery.ts";
import { createSqs } from "./sqs-service.ts";

export const sqsDefinition = defineService({
  name: "sqs",
  sdkModules: ["client-sqs"],
  create: (env, options: SqsOptions | undefined, faults: SqsFaults | undefined) => createSqs({ ...env, options: withSqsFaults(options, faults) }),
});
