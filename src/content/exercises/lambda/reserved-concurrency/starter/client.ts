import {
  LambdaClient,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-lambda";
import { DB_MAX_CONNECTIONS, sleep } from "./inventory";

// The SDK retries a throttled call by itself: 3 attempts in all, with a
// random backoff (it doubles from up to 1 s). This exercise writes that
// policy by hand to see how it works, so the client makes one attempt
// per send: with the SDK's retries too, each of our attempts would be 3.
const lambda = new LambdaClient({ maxAttempts: 1 });

/** Attempts per update when Lambda throttles: 1 + 4 retries. */
export const MAX_ATTEMPTS = 5;
/** The first wait after a throttle; it doubles each time. */
export const FIRST_WAIT_MS = 1_000;

/**
 * Lets at most DB_MAX_CONNECTIONS copies of the function run at
 * once, so the database never sees a 6th connection.
 */
export async function protectDatabase(functionName: string): Promise<void> {
  // TODO 1: reserve concurrency for the function
  //   (PutFunctionConcurrencyCommand).
}

/**
 * Calls the function synchronously and returns its answer.
 * - Throttled (TooManyRequestsException): wait 1 s, 2 s, 4 s,
 *   8 s between attempts (sleep from ./inventory), and after
 *   MAX_ATTEMPTS throttles throw the last error.
 * - Function error (FunctionError is set): throw an Error with
 *   the function's errorMessage, without retrying.
 */
export async function updateStock(functionName: string, sku: string, delta: number): Promise<{ sku: string; stock: number }> {
  // TODO 2: retry throttled calls with a growing wait.
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Payload: new TextEncoder().encode(JSON.stringify({ sku, delta })),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(out.Payload));
  // TODO 3: if out.FunctionError is set, throw new Error(body.errorMessage).
  return body;
}
