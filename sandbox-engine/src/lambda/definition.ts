/** Lambda in the service registry (services.ts). Its event source mappings poll SQS, so SQS comes first. */
import { defineService } from "../core/service-definition.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import { createLambda } from "./lambda-service.ts";
import type { LambdaFaults } from "./fault-injection.ts";
import type { LambdaOptions } from "./lambda-state.ts";

export const lambdaDefinition = defineService({
  name: "lambda",
  sdkModules: ["client-lambda"],
  create: (env, options: LambdaOptions | undefined, faults: LambdaFaults | undefined) =>
    createLambda({ ...env, sqs: env.peer<SqsService>("sqs"), options, faults }),
});
