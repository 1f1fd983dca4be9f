import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { GetFunctionEventInvokeConfigCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { configureRetries, handler, publishSignup } from "./signup";
import { crm, mailer, resetServices } from "./services";

let sb: ReturnType<typeof createSandbox>;
let lambda: LambdaClient;
let sqs: SQSClient;
let failureQueueUrl: string;
let failureQueueArn: string;

const ada = { signupId: "s-1", userId: "u-1", email: "ada@example.com" };

beforeEach(async () => {
  sb = createSandbox({ seed: 3 });
  lambda = new LambdaClient({});
  sqs = new SQSClient({});
  resetServices();
  sb.lambda.createFunction({ FunctionName: "on-signup", Handler: "signup.handler", handler: handler as never });
  failureQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "signup-failures" }))).QueueUrl!;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: failureQueueUrl, AttributeNames: ["QueueArn"] }),
  );
  failureQueueArn = Attributes!.QueueArn!;
});

/** Attempts Lambda made so far (the sandbox's record of invocations). */
const attempts = () => sb.lambda.invocations().filter((record) => record.functionName === "on-signup").length;

/** Why there were too few attempts, when the event was not invoked asynchronously. */
const syncHint = () =>
  sb.lambda.invocations().some((record) => record.trigger === "sync")
    ? " (publishSignup invoked synchronously: Lambda never retries a RequestResponse call, the caller gets the error)"
    : "";

const welcomes = () => mailer.sent.filter((email) => email.to === ada.email).length;

describe("asynchronous signups", () => {
  it("hands the event to Lambda without waiting and gets 202 Accepted", async () => {
    const status = await publishSignup("on-signup", ada);
    expect(
      status,
      "publishSignup got status " + status + ": a RequestResponse call waits for the handler and answers 200; " +
        'with InvocationType "Event" Lambda queues the event and answers 202 at once',
    ).toBe(202);
    await sb.clock.advance(1_000);
    expect(crm.contacts.get("u-1"), "Lambda then ran the function from its queue").toBe(ada.email);
  });

  it("configures 2 retries, a 1-hour maximum event age and the on-failure queue", async () => {
    await configureRetries("on-signup", failureQueueArn);
    let config;
    try {
      config = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: "on-signup" }));
    } catch (error) {
      throw new Error(`the function has no event invoke config yet (${String(error)}): configureRetries must send PutFunctionEventInvokeConfigCommand`);
    }
    expect(config.MaximumRetryAttempts, "2 retries after the first attempt").toBe(2);
    expect(config.MaximumEventAgeInSeconds, "1 hour, in seconds").toBe(3600);
    expect(
      config.DestinationConfig?.OnFailure?.Destination,
      "events that still fail go to the signup-failures queue",
    ).toBe(failureQueueArn);
  });

  it("retries after a CRM outage and sends the welcome email only once", async () => {
    await configureRetries("on-signup", failureQueueArn);
    crm.failuresLeft = 1; // the first attempt fails after the email went out
    await publishSignup("on-signup", ada);

    await sb.clock.advance(1_000);
    expect(crm.contacts.has("u-1"), "the first attempt failed: the CRM was down").toBe(false);
    await sb.clock.advance(60_000);
    expect(attempts(), `Lambda retries a failed event one minute later; it made ${attempts()} attempts${syncHint()}`).toBe(2);
    expect(crm.contacts.get("u-1"), "the retry reached the CRM").toBe(ada.email);
    expect(
      welcomes(),
      `Ada got ${welcomes()} welcome emails: the retry ran the whole handler again, email included. ` +
        "Skip the email when mailer.hasSent(event.signupId)",
    ).toBe(1);
  });

  it("after three failed attempts, the event lands in the on-failure queue with its invocation record", async () => {
    await configureRetries("on-signup", failureQueueArn);
    crm.failuresLeft = 10; // a long outage
    await publishSignup("on-signup", ada);

    await sb.clock.advance(4 * 60_000);
    expect(
      attempts(),
      `the first attempt, then retries 1 and 2 minutes later: 3 in all; there were ${attempts()}${syncHint()}`,
    ).toBe(3);
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: failureQueueUrl, MaxNumberOfMessages: 10 }));
    expect(
      Messages.length,
      "when the retries ran out, Lambda sent the event's invocation record to the on-failure destination, " +
        "if one was configured",
    ).toBe(1);
    const record = JSON.parse(Messages[0]!.Body!);
    expect(record.requestContext.condition, "why it gave up").toBe("RetriesExhausted");
    expect(record.requestContext.approximateInvokeCount, "how often it tried").toBe(3);
    expect(record.requestPayload, "the original event is in the record, ready to replay").toEqual(ada);
    expect(record.responsePayload.errorMessage, "and the last error").toMatch(/CRM unavailable/);
    expect(welcomes(), `Ada got ${welcomes()} welcome emails over 3 attempts; she should get one`).toBe(1);
  });

  it("sends one email when the same event is delivered twice", async () => {
    // Lambda delivers an asynchronous event at least once: now and then, twice.
    await publishSignup("on-signup", ada);
    await publishSignup("on-signup", ada);
    await sb.clock.advance(1_000);
    expect(attempts(), "the function ran for both deliveries").toBe(2);
    expect(welcomes(), `Ada got ${welcomes()} welcome emails for one signup: key the email on event.signupId`).toBe(1);
  });
});
