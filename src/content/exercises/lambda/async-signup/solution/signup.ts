import {
  LambdaClient,
  InvokeCommand,
  PutFunctionEventInvokeConfigCommand,
} from "@aws-sdk/client-lambda";
import type { LambdaContext } from "sandbox-engine";
import { crm, mailer } from "./services";

const lambda = new LambdaClient({});

export interface UserSignedUp {
  signupId: string;
  userId: string;
  email: string;
}

export async function publishSignup(functionName: string, signup: UserSignedUp): Promise<number | undefined> {
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: "Event", // queued by Lambda: 202, no result
      Payload: new TextEncoder().encode(JSON.stringify(signup)),
    }),
  );
  return out.StatusCode;
}

export async function configureRetries(functionName: string, failureQueueArn: string): Promise<void> {
  await lambda.send(
    new PutFunctionEventInvokeConfigCommand({
      FunctionName: functionName,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: failureQueueArn } },
    }),
  );
}

export async function handler(event: UserSignedUp, context: LambdaContext): Promise<void> {
  // The signup id is the same on every retry and on a duplicate
  // delivery: the idempotency key for the one side effect that
  // cannot be repeated.
  if (!mailer.hasSent(event.signupId)) {
    await mailer.send(event.email, "welcome", event.signupId);
  }
  await crm.upsertContact(event.userId, event.email); // an upsert is idempotent
}
