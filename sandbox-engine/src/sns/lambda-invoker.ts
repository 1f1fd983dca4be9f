/**
 * How SNS hands a message to Lambda. SNS invokes functions asynchronously (AWS-FACTS C.3 item 16):
 * the Lambda service accepts the event (and then runs and retries it on its own), or refuses it.
 * sandbox.ts wires this to `sb.lambda` when the Lambda service exists; tests may pass a fake.
 *
 * - "accepted": delivered, as far as SNS is concerned.
 * - "client-error": e.g. no such function, or its resource policy does not let sns.amazonaws.com
 *   invoke it. SNS does not retry client-side errors; the message goes to the subscription's DLQ.
 * - "server-error": e.g. throttled or the service failed. SNS retries with its managed policy.
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html)
 */
export type LambdaInvokeResult =
  | { readonly status: "accepted" }
  | { readonly status: "client-error"; readonly reason: string }
  | { readonly status: "server-error"; readonly reason: string };

export interface LambdaInvokeRequest {
  /** The subscription endpoint: a function ARN, possibly with a qualifier. */
  readonly functionArn: string;
  /** The SNSEvent ({ Records: [...] }), ready to pass to the handler. */
  readonly event: unknown;
  /** The topic ARN (aws:SourceArn for the function's resource policy) and its account. */
  readonly sourceArn: string;
  readonly sourceAccount: string;
}

export interface LambdaInvoker {
  invokeAsync(request: LambdaInvokeRequest): LambdaInvokeResult | Promise<LambdaInvokeResult>;
}
