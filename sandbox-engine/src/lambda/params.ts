/** Run-time checks of request fields (learner input may be anything), answered as Lambda faults. */
import { asParams, isRecord, type Params } from "../core/params.ts";

import { invalidParameter, outOfRange, type LambdaOutcome } from "./lambda-faults.ts";

export { asParams, isRecord, type Params };

export function show(value: unknown): string {
  try {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function requiredString(params: Params, name: string): LambdaOutcome<string> {
  const value = params[name];
  if (typeof value !== "string" || value === "") {
    return invalidParameter(
      value === undefined ? `${name} is required.` : `${name} must be a non-empty string, got ${show(value)}.`,
    );
  }
  return { ok: true, value };
}

export function optionalString(params: Params, name: string): LambdaOutcome<string | undefined> {
  const value = params[name];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== "string") return invalidParameter(`${name} must be a string, got ${show(value)}.`);
  return { ok: true, value };
}

/** An integer in [min, max] or absent; `field` is the lowerCamel name AWS's validation messages use. */
export function optionalInteger(
  params: Params,
  name: string,
  range: { readonly min: number; readonly max: number },
): LambdaOutcome<number | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return invalidParameter(`${name} must be a whole number between ${range.min} and ${range.max}, got ${show(value)}.`);
  }
  if (value < range.min) return outOfRange(field, value, `Member must have value greater than or equal to ${range.min}`);
  if (value > range.max) return outOfRange(field, value, `Member must have value less than or equal to ${range.max}`);
  return { ok: true, value };
}

export function optionalBoolean(params: Params, name: string): LambdaOutcome<boolean | undefined> {
  const value = params[name];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== "boolean") return invalidParameter(`${name} must be true or false, got ${show(value)}.`);
  return { ok: true, value };
}
