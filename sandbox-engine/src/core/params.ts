/**
 * Reading request parameters that may be anything at all (learner input is not type-checked at run
 * time). Services build their own readers on these, each answering with that service's AWS fault.
 */
export type Params = Readonly<Record<string, unknown>>;

/** A request that is not an object is read as an empty one (so required parameters go missing). */
export function asParams(input: unknown): Params {
  return typeof input === "object" && input !== null ? (input as Params) : {};
}

/** Shows a learner's value in an error message, however odd it is. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** An object literal (not an array, a class instance or null). */
export function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Any non-null, non-array object. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
