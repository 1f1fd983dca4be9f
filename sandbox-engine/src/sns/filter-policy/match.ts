/**
 * Does a message pass a compiled filter policy? (AWS-FACTS A.1, A.2, A.5.)
 *
 * - MessageAttributes scope: each policy key names an attribute. String -> a string, Number -> a
 *   number, String.Array -> each element of the JSON array separately; Binary is ignored.
 * - MessageBody scope: the body must be a JSON object (else no match); it is flattened into dotted
 *   paths, walking into arrays, so "a.b" finds {"a":{"b":..}}, {"a.b":..} and the mixed forms, and a
 *   scalar condition matches when any array element does (A.1 items 13-14).
 *   Design choice (UNVERIFIED): each key is matched on its own, so two keys may be satisfied by
 *   different elements of one array (LocalStack's AWS-validated tests only show positive cases).
 * - A missing key never satisfies a value operator; only `exists: false` matches it, and not when
 *   the message has no attributes at all (A.5; LocalStack and moto get this wrong).
 * - Types matter: 100 (number) never equals "100" (string), in either direction (A.5, moto vectors).
 */
import { cidrContains } from "./cidr.ts";
import type { CompiledFilterPolicy, Condition, KeyRule, Leaf } from "./compile.ts";

/** An SNS message attribute as published: DataType and its string form (Binary as base64). */
export interface FilterAttribute {
  readonly type: string;
  readonly value: string;
}

/** What a key found in the message: its leaf values (possibly none, e.g. `[]`), if present at all. */
type Lookup = readonly Leaf[] | undefined;

/**
 * The parts of one published message a filter reads, computed once and shared by every
 * subscription the message is checked against.
 */
export class FilterInput {
  readonly #attributes: ReadonlyMap<string, FilterAttribute>;
  #attributeValues: Map<string, Lookup> | undefined;
  readonly #bodies = new Map<string, Map<string, Leaf[]> | null>();

  constructor(attributes: ReadonlyMap<string, FilterAttribute>) {
    this.#attributes = attributes;
  }

  /** Attribute values by name (Binary attributes left out: filters ignore them). */
  attributeValues(): Map<string, Lookup> {
    if (this.#attributeValues !== undefined) return this.#attributeValues;
    const values = new Map<string, Lookup>();
    for (const [name, attribute] of this.#attributes) {
      const base = attribute.type.split(".")[0];
      if (attribute.type === "String.Array") values.set(name, parseStringArray(attribute.value));
      else if (base === "Number") values.set(name, [Number(attribute.value)]);
      else if (base === "String") values.set(name, [attribute.value]);
    }
    this.#attributeValues = values;
    return values;
  }

  get attributeCount(): number {
    return this.#attributes.size;
  }

  /** The body as dotted paths -> leaves, or null if it is not a JSON object. Cached per text. */
  body(text: string): Map<string, Leaf[]> | null {
    let flat = this.#bodies.get(text);
    if (flat === undefined) {
      flat = flattenBody(text);
      this.#bodies.set(text, flat);
    }
    return flat;
  }
}

/** "Each element in the array is treated as a separate string for matching purposes"; not JSON: no values. */
function parseStringArray(text: string): Leaf[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is Leaf => item === null || typeof item === "string" || typeof item === "number" || typeof item === "boolean",
    );
  } catch {
    return [];
  }
}

function flattenBody(text: string): Map<string, Leaf[]> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const flat = new Map<string, Leaf[]>();
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, path);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(inner, path === "" ? key : `${path}.${key}`);
    } else {
      let leaves = flat.get(path);
      if (leaves === undefined) flat.set(path, (leaves = []));
      leaves.push(value as Leaf);
    }
  };
  visit(parsed, "");
  return flat;
}

/**
 * True if the message passes `policy`. `body` is the text this subscriber would get (it differs per
 * protocol with MessageStructure "json"). No policy at all, or `{}`, passes everything (A.1 item 4).
 */
export function matchesFilterPolicy(policy: CompiledFilterPolicy | undefined, input: FilterInput, body: string): boolean {
  if (policy === undefined) return true;
  const branches = policy.branches;
  if (branches.length === 1 && branches[0]!.length === 0) return true;
  let lookup: (key: string) => Lookup;
  let nonEmpty: boolean;
  if (policy.scope === "MessageBody") {
    const flat = input.body(body);
    if (flat === null) return false; // A.1 item 7: not a JSON object, not delivered.
    lookup = (key) => flat.get(key);
    nonEmpty = flat.size > 0;
  } else {
    const values = input.attributeValues();
    lookup = (key) => values.get(key);
    nonEmpty = input.attributeCount > 0;
  }
  return branches.some((branch) => branch.every((rule) => matchesKey(rule, lookup(rule.key), nonEmpty)));
}

function matchesKey(rule: KeyRule, found: Lookup, messageHasKeys: boolean): boolean {
  for (const condition of rule.conditions) {
    if (condition.kind === "exists") {
      // exists:true needs a non-null value; exists:false needs the key absent from a message that
      // has other keys ("An empty set of attributes results in the filter not matching").
      if (condition.value ? found !== undefined && found.some((v) => v !== null) : found === undefined && messageHasKeys) return true;
    } else if (found !== undefined) {
      for (const value of found) if (matchesValue(condition, value)) return true;
    }
  }
  return false;
}

function sameValue(a: Leaf, b: Leaf): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && a === b);
}

function matchesValue(condition: Exclude<Condition, { kind: "exists" }>, value: Leaf): boolean {
  switch (condition.kind) {
    case "exact":
      return sameValue(condition.value, value);
    case "prefix":
      return typeof value === "string" && value.startsWith(condition.value);
    case "suffix":
      return typeof value === "string" && value.endsWith(condition.value);
    case "equals-ignore-case":
      return typeof value === "string" && value.toLowerCase() === condition.value;
    case "anything-but":
      // A value matches when it is none of the listed ones; a null value never does.
      return value !== null && !condition.values.some((excluded) => sameValue(excluded, value));
    case "anything-but-prefix":
      return typeof value === "string" && !value.startsWith(condition.value);
    case "numeric": {
      if (typeof value !== "number") return false;
      if (condition.equals !== undefined && value !== condition.equals) return false;
      const { lower, upper } = condition;
      if (lower !== undefined && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
      if (upper !== undefined && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
      return true;
    }
    case "cidr":
      return typeof value === "string" && cidrContains(condition.cidr, value);
  }
}
