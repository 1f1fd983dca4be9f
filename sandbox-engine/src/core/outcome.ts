/**
 * Services report failures as data (ElasticMQ style); the wire layer turns a Fault into an
 * AwsError at the edge. Keeping faults as values lets a service return early without throwing,
 * and keeps the service free of SDK concerns.
 */
export interface Fault<Code extends string = string> {
  /** The error name the AWS SDK for JavaScript v3 surfaces, e.g. "QueueDoesNotExist". */
  readonly code: Code;
  /** The AWS message text where known, otherwise one that tells a learner what to change. */
  readonly message: string;
  /** HTTP status AWS answers with. Default 400. */
  readonly httpStatusCode?: number;
  /** "client" (the request was wrong) or "server". Default "client". */
  readonly fault?: "client" | "server";
  /** The query-protocol error code (x-amzn-query-error), when it differs from `code`. */
  readonly queryCode?: string;
  /** Extra advice for a learner, kept out of `message` so AWS texts stay exact. */
  readonly hint?: string;
}

/** A failed outcome whose code is one of `Code`. */
export type Failed<Code extends string = string> = { readonly ok: false; readonly fault: Fault<Code> };

/**
 * A result or a fault. A service names its closed union of fault codes (`Outcome<T, SnsFaultCode>`), so a
 * code it does not declare is a type error where the fault is made.
 */
export type Outcome<T, Code extends string = string> = Succeeded<T> | Failed<Code>;

/** A success: assignable to the Outcome of any service, whatever its fault codes. */
export type Succeeded<T> = { readonly ok: true; readonly value: T };

export function ok<T>(value: T): Succeeded<T> {
  return { ok: true, value };
}

export function fail<const Code extends string>(code: Code, message: string, extra: Omit<Fault, "code" | "message"> = {}): Failed<Code> {
  return { ok: false, fault: { code, message, ...extra } };
}
