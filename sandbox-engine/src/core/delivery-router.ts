/** The sandbox's delivery router: sends each delivery to the receiver of the service its ARN names. */
import { parseArn } from "./arn.ts";
import type { DeliveryCheck, DeliveryOutcome, DeliveryReceiver, DeliveryTargets, DeliveryVerdict } from "./delivery.ts";

export interface DeliveryRouter extends DeliveryTargets {
  /**
   * Registers the receiver of an ARN service ("sqs", "lambda", "sns"), and the check it runs before delivering
   * (none: it takes every delivery to a target that exists); createSandbox does this from the registry.
   */
  register(service: string, receiver: DeliveryReceiver, check?: DeliveryCheck): void;
}

export function createDeliveryRouter(): DeliveryRouter {
  const receivers = new Map<string, DeliveryReceiver>();
  const checks = new Map<string, DeliveryCheck>();
  return {
    register(service, receiver, check) {
      receivers.set(service, receiver);
      if (check === undefined) checks.delete(service);
      else checks.set(service, check);
    },
    mayDeliver(arn, source): DeliveryVerdict {
      const parsed = parseArn(arn);
      if (parsed === undefined) return { status: "rejected", reason: `${arn} is not an ARN` };
      if (!receivers.has(parsed.service)) return { status: "rejected", reason: `${parsed.service.toUpperCase()} is not simulated in this sandbox yet` };
      return checks.get(parsed.service)?.(arn, source) ?? { status: "allowed" };
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
