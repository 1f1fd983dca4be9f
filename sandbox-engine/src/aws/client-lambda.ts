/**
 * "@aws-sdk/client-lambda" inside exercises (also "sandbox-engine/aws/client-lambda"): the real AWS SDK package,
 * whose LambdaClient and Lambda default to the current sandbox (its region, test credentials, an in-memory
 * request handler, retries and waiter polls on the virtual clock). Everything else is the SDK's own.
 */
import * as sdk from "@aws-sdk/client-lambda";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";
import { virtualClockWaitFor, virtualClockWaitUntil } from "../wire/virtual-clock-waiter.ts";

export * from "@aws-sdk/client-lambda";

export type LambdaClientConfig = sdk.LambdaClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-lambda" {
  interface LambdaClientConfig extends SandboxClientOptions {}
}
export const LambdaClient = sandboxClient(sdk.LambdaClient, "lambda");
export type LambdaClient = sdk.LambdaClient;
/** The aggregated client (`new Lambda().send...` methods per operation), with the same defaults. */
export const Lambda = sandboxClient(sdk.Lambda, "lambda");
export type Lambda = sdk.Lambda;

// Waiters poll on the virtual clock (the SDK's defaults per waiter, from its source).
const fast = { minDelay: 1, maxDelay: 300 };
const slow = { minDelay: 5, maxDelay: 300 };
export const waitForFunctionActive: typeof sdk.waitForFunctionActive = virtualClockWaitFor(sdk.waitForFunctionActive, slow);
export const waitUntilFunctionActive: typeof sdk.waitUntilFunctionActive = virtualClockWaitUntil(sdk.waitForFunctionActive, slow);
export const waitForFunctionActiveV2: typeof sdk.waitForFunctionActiveV2 = virtualClockWaitFor(sdk.waitForFunctionActiveV2, fast);
export const waitUntilFunctionActiveV2: typeof sdk.waitUntilFunctionActiveV2 = virtualClockWaitUntil(sdk.waitForFunctionActiveV2, fast);
export const waitForFunctionExists: typeof sdk.waitForFunctionExists = virtualClockWaitFor(sdk.waitForFunctionExists, { minDelay: 1, maxDelay: 20 });
export const waitUntilFunctionExists: typeof sdk.waitUntilFunctionExists = virtualClockWaitUntil(sdk.waitForFunctionExists, { minDelay: 1, maxDelay: 20 });
export const waitForFunctionUpdated: typeof sdk.waitForFunctionUpdated = virtualClockWaitFor(sdk.waitForFunctionUpdated, slow);
export const waitUntilFunctionUpdated: typeof sdk.waitUntilFunctionUpdated = virtualClockWaitUntil(sdk.waitForFunctionUpdated, slow);
export const waitForFunctionUpdatedV2: typeof sdk.waitForFunctionUpdatedV2 = virtualClockWaitFor(sdk.waitForFunctionUpdatedV2, fast);
export const waitUntilFunctionUpdatedV2: typeof sdk.waitUntilFunctionUpdatedV2 = virtualClockWaitUntil(sdk.waitForFunctionUpdatedV2, fast);
export const waitForPublishedVersionActive: typeof sdk.waitForPublishedVersionActive = virtualClockWaitFor(sdk.waitForPublishedVersionActive, { minDelay: 5, maxDelay: 1560 });
export const waitUntilPublishedVersionActive: typeof sdk.waitUntilPublishedVersionActive = virtualClockWaitUntil(sdk.waitForPublishedVersionActive, { minDelay: 5, maxDelay: 1560 });
