/** The sandbox's delivery router: sends each delivery to the receiver of the service its ARN names. */
import { parseArn } from "./arn.ts";
import type { DeliveryOutcome, DeliveryReceiver, DeliveryTargets } from "./delivery.ts";

export interface DeliveryRouter extends DeliveryTargets {
  /** Registers the receiver of an ARN service ("sqs", "lambda", "sns"); createSandbox does this from the registry. */
  register(service: string, receiver: DeliveryReceiver): void;
}

export function createDeliveryRouter(): DeliveryRouter {
  const receivers = new Map<string, DeliveryReceiver>();
  return {
    register(service, receiver) {
      receivers.set(service, receiver);
    },
    deliver(arn, payload, source) {
      const parsed = parseArn(arn);
      if (parsed === undefined) return { status: "rejected", reason: `${arn} is not an ARN` };
      const receiver = receivers.get(parsed.service);
      if (receiver === undefined) return { status: "rejected", reason: `${parsed.service.toUpperCase()} is not simulated in this sandbox yet` };
      try {
        const answer = receiver(arn, payload, source);
        return answer instanceof Promise ? answer.catch(crashed) : answer;
      } catch (error) {
        return crashed(error);
      }
    },
  };
}

function crashed(error: unknown): DeliveryOutcome {
  return { status: "failed", reason: `the sandbox failed: ${String(error)}` };
}
