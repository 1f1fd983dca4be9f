/**
 * "@aws-sdk/client-sns" inside exercises (also "sandbox-engine/aws/client-sns"): the real AWS SDK package,
 * whose SNSClient and SNS default to the current sandbox (its region, test credentials, an in-memory
 * request handler, retries on the virtual clock). Everything else is the SDK's own.
 */
import * as sdk from "@aws-sdk/client-sns";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-sns";

export type SNSClientConfig = sdk.SNSClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-sns" {
  interface SNSClientConfig extends SandboxClientOptions {}
}
export const SNSClient = sandboxClient(sdk.SNSClient, "sns");
export type SNSClient = sdk.SNSClient;
/** The aggregated client (`new SNS().send...` methods per operation), with the same defaults. */
export const SNS = sandboxClient(sdk.SNS, "sns");
export type SNS = sdk.SNS;
