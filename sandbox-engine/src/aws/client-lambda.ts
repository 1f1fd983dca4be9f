/**
 * "@aws-sdk/client-lambda" inside exercises (also "sandbox-engine/aws/client-lambda"): the real AWS SDK package,
 * whose LambdaClient and Lambda default to the current sandbox (its region, test credentials, an in-memory
 * request handler, retries on the virtual clock). Everything else is the SDK's own.
 */
import * as sdk from "@aws-sdk/client-lambda";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-lambda";

export type LambdaClientConfig = sdk.LambdaClientConfig & SandboxClientOptions;
export const LambdaClient = sandboxClient(sdk.LambdaClient, "lambda");
export type LambdaClient = sdk.LambdaClient;
/** The aggregated client (`new Lambda().send...` methods per operation), with the same defaults. */
export const Lambda = sandboxClient(sdk.Lambda, "lambda");
export type Lambda = sdk.Lambda;
