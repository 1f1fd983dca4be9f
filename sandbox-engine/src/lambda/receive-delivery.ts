/**
 * Lambda as a delivery target (core/delivery.ts): another service (an SNS subscription, a Lambda
 * destination) invokes a function asynchronously by its ARN. Lambda checks the function's resource
 * policy first (resource-policy.ts), then queues the event as Invoke with InvocationType "Event" does,
 * or (payload.invocationType "RequestResponse", API Gateway) runs it and answers with its reply.
 * Throttling and service errors are server-side (the sender retries); the rest are client-side.
 */
import type { DeliveryCheck, DeliveryOutcome, DeliveryReceiver, DeliverySource, DeliveryVerdict } from "../core/delivery.ts";
import { invoke } from "./invoke.ts";
import { findFunction } from "./functions.ts";
import type { LambdaState } from "./lambda-state.ts";
import { checkInvokePermission } from "./resource-policy.ts";

/** Lambda faults a sender treats as server-side (retried). */
const decoder = new TextDecoder();

const SERVER_SIDE: ReadonlySet<string> = new Set(["ServiceException", "ResourceNotReadyException", "EC2ThrottledException"]);

/**
 * What the receiver checks before invoking: the function exists and its resource policy lets the sender
 * invoke it. A missing function is left to invoke, whose ResourceNotFoundException the sender sees.
 */
function admit(state: LambdaState, arn: string, source: DeliverySource): { readonly verdict: DeliveryVerdict; readonly functionArn: string } {
  const found = findFunction(state, arn);
  if (!found.ok) return { verdict: { status: "rejected", reason: `Lambda refused the invocation: ${found.fault.code}: ${found.fault.message}` }, functionArn: arn };
  const permission = checkInvokePermission(found.value, state.accountId, source);
  return { verdict: permission.allowed ? { status: "allowed" } : { status: "refused", reason: permission.reason }, functionArn: found.value.arn };
}

/** The receiver's own check, without invoking (for a sender that refuses a configuration up front). */
export function lambdaDeliveryCheck(state: LambdaState): DeliveryCheck {
  return (arn, source) => admit(state, arn, source).verdict;
}

export function lambdaDeliveryReceiver(state: LambdaState): DeliveryReceiver {
  return async (arn, payload, source): Promise<DeliveryOutcome> => {
    const { verdict, functionArn } = admit(state, arn, source);
    if (verdict.status === "refused") {
      state.trace.record("lambda", "invoke-denied", functionArn, { principal: source.principal.type === "Service" ? source.principal.service : source.principal.accountId, sourceArn: source.sourceArn, reason: verdict.reason }, source.cause ?? -1);
      return verdict;
    }
    const body = payload.event === undefined ? payload.body : JSON.stringify(payload.event);
    const invocationType = payload.invocationType ?? "Event";
    const outcome = await invoke(state, { FunctionName: arn, InvocationType: invocationType, Payload: body }, source.cause);
    if (outcome.ok && invocationType === "Event") return { status: "delivered", detail: "invoked asynchronously" };
    if (outcome.ok) {
      const reply = { payload: decoder.decode(outcome.value.Payload ?? new Uint8Array(0)), functionError: outcome.value.FunctionError };
      return { status: "delivered", detail: "invoked synchronously", reply };
    }
    const { code, message } = outcome.fault;
    const reason = `Lambda refused the invocation: ${code}: ${message}`;
    if (code === "TooManyRequestsException") return { status: "throttled", reason };
    if (SERVER_SIDE.has(code) || outcome.fault.fault === "server") return { status: "failed", reason };
    return { status: "rejected", reason };
  };
}
