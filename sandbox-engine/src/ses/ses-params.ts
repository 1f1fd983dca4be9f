/** Reading SES request parameters (any value accepted; faults, never throws). */
import { ok } from "../core/outcome.ts";
import { isPlainRecord, show, type Params } from "../core/params.ts";
import { invalidValue, missing, type SesOutcome } from "./ses-faults.ts";

export { asParams, isPlainRecord, show, type Params } from "../core/params.ts";

export function requiredString(params: Params, name: string): SesOutcome<string> {
  const value = params[name];
  if (value === undefined || value === null || value === "") return missing(name);
  if (typeof value !== "string") return invalidValue(`${name} must be a string.`, `${name} must be a string, got ${show(value)}.`);
  return ok(value);
}

export function optionalString(params: Params, name: string): SesOutcome<string | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== "string") return invalidValue(`${name} must be a string.`, `${name} must be a string, got ${show(value)}.`);
  return ok(value);
}

export function stringList(params: Params, name: string): SesOutcome<string[]> {
  const value = params[name];
  if (value === undefined || value === null) return ok([]);
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) return invalidValue(`${name} must be a list of strings.`, `${name} must be a list of strings, got ${show(value)}.`);
  return ok([...(value as string[])]);
}

export function optionalRecord(params: Params, name: string): SesOutcome<Params | undefined> {
  const value = params[name];
  if (value === undefined || value === null) return ok(undefined);
  if (!isPlainRecord(value)) return invalidValue(`${name} must be an object.`, `${name} must be an object, got ${show(value)}.`);
  return ok(value);
}

export function requiredRecord(params: Params, name: string): SesOutcome<Params> {
  const value = params[name];
  if (value === undefined || value === null) return missing(name);
  if (!isPlainRecord(value)) return invalidValue(`${name} must be an object.`, `${name} must be an object, got ${show(value)}.`);
  return ok(value);
}

/**
 * Rule set, rule, filter and configuration-set names: ASCII letters, digits, `_`, `-` and `.`, starting and
 * ending with a letter or digit, at most 64 characters
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptRule.html, API_ReceiptRuleSetMetadata.html).
 */
export const RESOURCE_NAME = /^(?=.{1,64}$)[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

export function resourceName(params: Params, name: string, what: string): SesOutcome<string> {
  const value = requiredString(params, name);
  if (!value.ok) return value;
  if (!RESOURCE_NAME.test(value.value)) {
    return invalidValue(`Invalid ${what} name: ${value.value}`, `${what} names are 1-64 ASCII letters, digits, '.', '_' or '-', starting and ending with a letter or digit.`);
  }
  return value;
}
