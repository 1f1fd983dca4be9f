/**
 * Services report failures as data (ElasticMQ style); the wire layer turns a Fault into an
 * AwsError at the edge. Keeping faults as values lets a service return early without throwing,
 * and keeps the service free of SDK concerns.
 */
export interface Fault {
  /** The error name the AWS SDK for JavaScript v3 surfaces, e.g. "QueueDoesNotExist". */
  readonly code: string;
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

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fault: Fault };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, extra: Omit<Fault, "code" | "message"> = {}): {
  readonly ok: false;
  readonly fault: Fault;
} {
  return { ok: false, fault: { code, message, ...extra } };
}
