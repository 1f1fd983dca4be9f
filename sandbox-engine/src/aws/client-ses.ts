/**
 * "@aws-sdk/client-ses" inside exercises (also "sandbox-engine/aws/client-ses"): the real AWS SDK package (SES v1,
 * Query/XML), whose SESClient and SES default to the current sandbox. Everything else is the SDK's own.
 */
import * as sdk from "@aws-sdk/client-ses";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-ses";

export type SESClientConfig = sdk.SESClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-ses" {
  interface SESClientConfig extends SandboxClientOptions {}
}
export const SESClient = sandboxClient(sdk.SESClient, "ses");
export type SESClient = sdk.SESClient;
/** The aggregated client (`new SES().sendEmail(...)`), with the same defaults. */
export const SES = sandboxClient(sdk.SES, "ses");
export type SES = sdk.SES;
