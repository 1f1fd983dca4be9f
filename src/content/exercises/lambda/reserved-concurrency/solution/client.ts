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

export const MAX_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 1_000;

export async function protectDatabase(functionName: string): Promise<void> {
  // A cap and a guarantee: 5 environments at most, always available.
  await lambda.send(
    new PutFunctionConcurrencyCommand({ FunctionName: functionName, ReservedConcurrentExecutions: DB_MAX_CONNECTIONS }),
  );
}

export async function updateStock(functionName: string, sku: string, delta: number): Promise<{ sku: string; stock: number }> {
  let waitMs = FIRST_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    let out;
    try {
      out = await lambda.send(
        new InvokeCommand({
          FunctionName: functionName,
          Payload: new TextEncoder().encode(JSON.stringify({ sku, delta })),
        }),
      );
    } catch (error) {
      // Throttled: the function never ran, so trying again later is safe.
      if (error instanceof TooManyRequestsException && attempt < MAX_ATTEMPTS) {
        await sleep(waitMs);
        waitMs *= 2;
        continue;
      }
      throw error;
    }
    const body = JSON.parse(new TextDecoder().decode(out.Payload));
    // The function ran and failed: retrying would fail the same way.
    if (out.FunctionError) throw new Error(body.errorMessage);
    return body;
  }
}
