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

/**
 * The website calls this when someone signs up. It must not
 * wait for the email and CRM work: hand the event to Lambda and
 * return the status code Lambda answered with.
 */
export async function publishSignup(functionName: string, signup: UserSignedUp): Promise<number | undefined> {
  // TODO 1: invoke asynchronously (InvocationType "Event").
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Payload: new TextEncoder().encode(JSON.stringify(signup)),
    }),
  );
  return out.StatusCode;
}

/**
 * Configures asynchronous invocation of the function: 2 retries,
 * events older than 1 hour are dropped, and events that still
 * fail go to the queue `failureQueueArn` (on-failure destination).
 */
export async function configureRetries(functionName: string, failureQueueArn: string): Promise<void> {
  // TODO 2: PutFunctionEventInvokeConfigCommand with
  //   MaximumRetryAttempts, MaximumEventAgeInSeconds (seconds) and
  //   DestinationConfig: { OnFailure: { Destination: ... } }.
}

/**
 * Handler "signup.handler": welcomes the new user by email, then
 * records them in the CRM. When it throws, Lambda runs it again
 * later (the whole handler, from the top).
 */
export async function handler(event: UserSignedUp, context: LambdaContext): Promise<void> {
  // TODO 3: make this safe to run twice for the same signup:
  //   skip the email when mailer.hasSent(event.signupId), and pass
  //   event.signupId as the key when sending.
  await mailer.send(event.email, "welcome");
  await crm.upsertContact(event.userId, event.email);
}
