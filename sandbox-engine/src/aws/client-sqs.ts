/**
 * "@aws-sdk/client-sqs" inside exercises (also "sandbox-engine/aws/client-sqs"): the real AWS SDK package,
 * whose SQSClient and SQS default to the current sandbox (its region, test credentials, an in-memory
 * request handler, retries on the virtual clock) and to the engine's MD5 for the SDK's message checks.
 * Everything else is the SDK's own.
 */
import * as sdk from "@aws-sdk/client-sqs";
import { SdkMd5 } from "../sqs/wire/sdk-md5.ts";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-sqs";

export type SQSClientConfig = sdk.SQSClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-sqs" {
  interface SQSClientConfig extends SandboxClientOptions {}
}
/** The SDK checks every message's MD5 as always, with the engine's MD5 (sqs/wire/sdk-md5.ts); `md5: false` still turns the checks off. */
const sqsDefaults = { md5: SdkMd5 };
export const SQSClient = sandboxClient(sdk.SQSClient, "sqs", sqsDefaults);
export type SQSClient = sdk.SQSClient;
/** The aggregated client (`new SQS().send...` methods per operation), with the same defaults. */
export const SQS = sandboxClient(sdk.SQS, "sqs", sqsDefaults);
export type SQS = sdk.SQS;
