/**
 * Reading request parameters that may be anything at all (learner input is not type-checked at
 * run time). Each reader returns a fault instead of throwing, so no input can cause a TypeError.
 */
import { fail, ok, type Fault, type Outcome } from "./sqs-outcome.ts";
import type { Range } from "./sqs-limits.ts";
import { asParams, isPlainRecord, show, type Params } from "../core/params.ts";

export { asParams, isPlainRecord, show, type Params };

function has(params: Params, name: string): boolean {
  if (!Object.hasOwn(params, name)) return false;
  const value = params[name];
  return value !== undefined && value !== null;
}

/** Shared by every absent optional parameter (outcomes are never mutated). */
const ABSENT: Outcome<undefined> = Object.freeze({ ok: true, value: undefined });

/** The common case of requiredString, without an Outcome: the value if it is a non-empty string. */
export function presentString(params: Params, name: string): string | undefined {
  if (!Object.hasOwn(params, name)) return undefined;
  const value = params[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export type Failed = { readonly ok: false; readonly fault: Fault };

export function missing(name: string): Failed {
  // Wording from AWS (AWS-FACTS B.1 item 12: "The request must contain the parameter MessageBody.").
  return fail("MissingParameter", `The request must contain the parameter ${name}.`);
}

export function invalid(name: string, value: unknown, reason: string): Failed {
  // The "Value X for parameter Y is invalid. Reason: Z" shape AWS uses (AWS-FACTS B.1 items 7, 8).
  return fail("InvalidParameterValue", `Value ${show(value)} for parameter ${name} is invalid. Reason: ${reason}`);
}

/** A required, non-empty string. */
export function requiredString(params: Params, name: string): Outcome<string> {
  if (!has(params, name) || params[name] === "") return missing(name);
  const value = params[name];
  return typeof value === "string" ? ok(value) : invalid(name, value, "must be a string.");
}

/** An optional string (absent gives undefined). */
export function optionalString(params: Params, name: string): Outcome<string | undefined> {
  if (!has(params, name)) return ABSENT;
  const value = params[name];
  return typeof value === "string" ? ok(value) : invalid(name, value, "must be a string.");
}

/**
 * An optional integer within `range`. `rangeReason` is AWS's own reason text for an out-of-range
 * value where known (for example "Must be >= 0 and <= 20, if provided.").
 */
export function optionalInteger(
  params: Params,
  name: string,
  range: Range,
  rangeReason: string,
): Outcome<number | undefined> {
  if (!has(params, name)) return ABSENT;
  const value = params[name];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return invalid(name, value, `must be a number (an integer from ${range.min} to ${range.max}).`);
  }
  if (!Number.isInteger(value)) return invalid(name, value, `must be a whole number of seconds.`);
  if (value < range.min || value > range.max) return invalid(name, value, rangeReason);
  return ok(value);
}

/** An optional list of strings. */
export function optionalStringList(params: Params, name: string): Outcome<readonly string[] | undefined> {
  if (!has(params, name)) return ABSENT;
  const value = params[name];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    return invalid(name, value, "must be a list of strings.");
  }
  return ok([...value]);
}
