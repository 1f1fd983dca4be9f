/**
 * "@aws-sdk/client-sesv2" inside exercises (also "sandbox-engine/aws/client-sesv2"): the real AWS SDK package (SES v2,
 * REST-JSON), whose SESv2Client and SESv2 default to the current sandbox. v1 and v2 share one SES state.
 */
import * as sdk from "@aws-sdk/client-sesv2";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-sesv2";

export type SESv2ClientConfig = sdk.SESv2ClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-sesv2" {
  interface SESv2ClientConfig extends SandboxClientOptions {}
}
export const SESv2Client = sandboxClient(sdk.SESv2Client, "ses");
export type SESv2Client = sdk.SESv2Client;
/** The aggregated client (`new SESv2().sendEmail(...)`), with the same defaults. */
export const SESv2 = sandboxClient(sdk.SESv2, "ses");
export type SESv2 = sdk.SESv2;
