/**
 * Seeded fault injection for Lambda (`createSandbox({ faults: { lambda: { errorRate, throttle } } })`), modelled on
 * AWS Fault Injection Service's `aws:lambda:invocation-error` action, which marks a share of a function's invocations
 * as failed (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#invocation-error), plus
 * throttling as when the function's concurrency is used up. Every drawn fault is traced as `lambda` / `fault` before
 * what it causes (an `invoke-end` with status error, or a `throttle`), and the draws come from their own seeded
 * stream, so request ids and cold starts do not move and a run is reproducible.
 */
import { checkFaultKeys, readFaultRates } from "../core/fault-rate.ts";
import type { SeededRandom } from "../random/seeded-random.ts";

export interface LambdaFaults {
  /**
   * Function name -> chance (0-1) that an invocation fails without running its handler: the runtime reports an
   * `errorType: "FaultInjection"` error, so the caller sees a function error (an SQS batch comes back, an async
   * event is retried).
   */
  errorRate?: Readonly<Record<string, number>>;
  /** Function name -> chance (0-1) that an invocation is throttled (429 TooManyRequestsException; not billed). */
  throttle?: Readonly<Record<string, number>>;
}

export type InjectedLambdaFault = { readonly fault: "invocation-error" | "throttle"; readonly rate: number };

export interface LambdaFaultInjector {
  /** The fault this invocation of `functionName` gets, if any (draws only for functions that have a rate). */
  draw(functionName: string): InjectedLambdaFault | undefined;
}

export function createLambdaFaultInjector(faults: LambdaFaults | undefined, random: SeededRandom): LambdaFaultInjector {
  checkFaultKeys("faults.lambda", faults, ["errorRate", "throttle"]);
  const errorRates = readFaultRates("faults.lambda.errorRate", faults?.errorRate);
  const throttleRates = readFaultRates("faults.lambda.throttle", faults?.throttle);
  const roll = (rates: ReadonlyMap<string, number>, name: string): number | undefined => {
    const rate = rates.get(name);
    return rate !== undefined && random.next() < rate ? rate : undefined;
  };
  return {
    draw(functionName) {
      // A throttle comes first, as on AWS: a throttled request never reaches the function.
      const throttled = roll(throttleRates, functionName);
      if (throttled !== undefined) return { fault: "throttle", rate: throttled };
      const failed = roll(errorRates, functionName);
      return failed === undefined ? undefined : { fault: "invocation-error", rate: failed };
    },
  };
}

/** What the runtime reports for an injected invocation error (an object, so its payload has no engine stack). */
export function injectedError(functionName: string, rate: number): { name: string; message: string } {
  return { name: "FaultInjection", message: `Injected fault: faults.lambda.errorRate["${functionName}"] fails ${Math.round(rate * 1000) / 10}% of invocations` };
}
