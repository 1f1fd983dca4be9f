import * as clientLambda from "../aws/client-lambda.ts";
import * as clientSns from "../aws/client-sns.ts";
import * as clientSqs from "../aws/client-sqs.ts";
import * as engine from "../index.ts";
import type { ModuleMap } from "./types.ts";

/**
 * The bare module ids learner and test code may import, and the sandbox-engine modules they
 * resolve to (DESIGN.md: the AWS SDK ids resolve to the engine's client modules, the real SDK with sandbox defaults). Static imports, so
 * the Worker bundle contains exactly these.
 */
export const defaultModules: ModuleMap = {
  "sandbox-engine": engine,
  "sandbox-engine/aws/client-sqs": clientSqs,
  "@aws-sdk/client-sqs": clientSqs,
  // Next clients go here, each under both ids, e.g.:
  "sandbox-engine/aws/client-sns": clientSns,
  "@aws-sdk/client-sns": clientSns,
  "sandbox-engine/aws/client-lambda": clientLambda,
  "@aws-sdk/client-lambda": clientLambda,
  // "sandbox-engine/aws/client-ses": clientSes, "@aws-sdk/client-ses": clientSes,
};
