/**
 * Reading `createSandbox({ faults })` (sandbox-engine/README.md, "Faults"): the chances a fault has, checked once at
 * creation so that a typo fails loudly instead of injecting nothing.
 */

/** A chance from 0 to 1, or a RangeError that names the option (`faults.lambda.errorRate.fn`). */
export function readFaultRate(path: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${path} must be a number from 0 to 1 (0.1 = 10%), got ${String(value)}`);
  }
  return value;
}

/** `{ name: rate }` per resource (function names, ...), each checked with readFaultRate. */
export function readFaultRates(path: string, value: unknown): ReadonlyMap<string, number> {
  if (value === undefined) return new Map();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RangeError(`${path} must be an object of { name: rate }, e.g. { "fulfil-order": 0.1 }, got ${String(value)}`);
  }
  return new Map(Object.entries(value).map(([name, rate]) => [name, readFaultRate(`${path}.${name}`, rate)]));
}

/** Rejects keys a fault object does not know (`faults.lambda.errorrate`), naming the ones it does. */
export function checkFaultKeys(path: string, value: unknown, known: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new RangeError(`${path} must be an object`);
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new RangeError(`${path} has no fault ${unknown.join(", ")}; it knows ${known.join(", ")}`);
}
