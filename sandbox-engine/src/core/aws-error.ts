/**
 * The error learner code catches, shaped like the AWS SDK for JavaScript v3's ServiceException:
 * `name` is the error code (`err.name === "QueueDoesNotExist"`), plus `$fault` and `$metadata`.
 */
import type { Fault } from "./outcome.ts";

export interface AwsErrorMetadata {
  readonly httpStatusCode: number;
  readonly requestId?: string;
  readonly attempts?: number;
  readonly totalRetryDelay?: number;
}

export interface AwsErrorOptions {
  readonly $fault?: "client" | "server";
  readonly $metadata?: AwsErrorMetadata;
  /** Query-protocol code (the SDK's `Code` field), e.g. "AWS.SimpleQueueService.NonExistentQueue". */
  readonly Code?: string;
  readonly hint?: string;
}

export class AwsError extends Error {
  readonly $fault: "client" | "server";
  readonly $metadata: AwsErrorMetadata;
  readonly Code: string;
  /** Advice for a learner beyond AWS's own message, if any. */
  readonly hint: string | undefined;

  constructor(name: string, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.name = name;
    this.$fault = options.$fault ?? "client";
    this.$metadata = options.$metadata ?? { httpStatusCode: this.$fault === "client" ? 400 : 500 };
    this.Code = options.Code ?? name;
    this.hint = options.hint;
  }
}

export type AwsErrorConstructor = new (message: string, options?: AwsErrorOptions) => AwsError;

/**
 * Builds the error for a fault. `classes` maps codes to SDK-style exception classes (so
 * `err instanceof QueueDoesNotExist` works); other codes go to `fallback` (default: AwsError).
 */
export function faultToError(
  fault: Fault,
  requestId: string | undefined,
  classes: Readonly<Record<string, AwsErrorConstructor>> = {},
  fallback: (code: string, message: string, options: AwsErrorOptions) => AwsError = (code, message, options) =>
    new AwsError(code, message, options),
): AwsError {
  const $fault = fault.fault ?? "client";
  const options: AwsErrorOptions = {
    $fault,
    $metadata: {
      httpStatusCode: fault.httpStatusCode ?? ($fault === "client" ? 400 : 500),
      ...(requestId === undefined ? {} : { requestId }),
      attempts: 1,
      totalRetryDelay: 0,
    },
    Code: fault.queryCode ?? fault.code,
    ...(fault.hint === undefined ? {} : { hint: fault.hint }),
  };
  const ErrorClass = Object.hasOwn(classes, fault.code) ? classes[fault.code] : undefined;
  return ErrorClass ? new ErrorClass(fault.message, options) : fallback(fault.code, fault.message, options);
}
