/**
 * The filter policy module (sns/filter-policy) against AWS-FACTS A.1-A.5: every operator, both
 * scopes, the limits, and every validation error of the A.4 table with AWS's exact text.
 */
import { describe, expect, it } from "vitest";
import { filterPolicy } from "sandbox-engine";

const { compileFilterPolicy, FilterInput, matchesFilterPolicy } = filterPolicy;
type Attrs = Record<string, { type: string; value: string }>;

function attrs(values: Attrs = {}): InstanceType<typeof FilterInput> {
  return new FilterInput(new Map(Object.entries(values)));
}
const S = (value: string) => ({ type: "String", value });
const N = (value: string) => ({ type: "Number", value });
const A = (value: unknown[]) => ({ type: "String.Array", value: JSON.stringify(value) });

function compiled(policy: unknown, scope: "MessageAttributes" | "MessageBody" = "MessageAttributes") {
  const out = compileFilterPolicy(JSON.stringify(policy), scope, "subscribe");
  if (!out.ok) throw new Error(out.fault.message);
  return out.value;
}
/** Given a policy on message attributes, when a message with `values` is published, then does it match? */
function onAttributes(policy: unknown, values: Attrs): boolean {
  return matchesFilterPolicy(compiled(policy), attrs(values), "body");
}
function onBody(policy: unknown, body: unknown): boolean {
  return matchesFilterPolicy(compiled(policy, "MessageBody"), attrs(), typeof body === "string" ? body : JSON.stringify(body));
}
function errorFor(policy: unknown, call: "subscribe" | "set-attributes" = "set-attributes", scope: "MessageAttributes" | "MessageBody" = "MessageBody"): string {
  const out = compileFilterPolicy(JSON.stringify(policy), scope, call);
  if (out.ok) throw new Error(`expected ${JSON.stringify(policy)} to be refused`);
  expect(out.fault.code).toBe("InvalidParameterException");
  expect(out.fault.queryCode).toBe("InvalidParameter");
  return out.fault.message;
}

describe("filter policies: core semantics (A.1)", () => {
  it("no policy and the empty policy {} match everything", () => {
    expect(matchesFilterPolicy(undefined, attrs(), "x")).toBe(true);
    expect(onAttributes({}, {})).toBe(true);
  });
  it("each key must match (AND); any value of a key may match (OR); unnamed attributes are ignored", () => {
    const policy = { store: ["example_corp"], event: ["order_placed", "order_cancelled"] };
    expect(onAttributes(policy, { store: S("example_corp"), event: S("order_cancelled"), other: S("x") })).toBe(true);
    expect(onAttributes(policy, { store: S("example_corp") })).toBe(false);
    expect(onAttributes(policy, { store: S("other"), event: S("order_placed") })).toBe(false);
  });
  it("string matching is case-sensitive", () => {
    expect(onAttributes({ sport: ["rugby"] }, { sport: S("Rugby") })).toBe(false);
  });
  it("String.Array elements match one by one; Binary attributes are ignored", () => {
    expect(onAttributes({ sport: ["rugby"] }, { sport: A(["soccer", "rugby"]) })).toBe(true);
    expect(onAttributes({ price: [100] }, { price: A([100, 500]) })).toBe(true);
    expect(onAttributes({ sport: ["rugby"] }, { sport: { type: "Binary", value: "cnVnYnk=" } })).toBe(false);
    expect(onAttributes({ sport: ["anything"] }, { sport: { type: "String.Array", value: "['anything']" } })).toBe(false);
  });
  it("MessageBody scope: nested keys, arrays, dotted keys", () => {
    const policy = { object: { nested: ["x"] } };
    expect(onBody(policy, { object: { nested: "x" } })).toBe(true);
    expect(onBody({ "object.nested": ["x"] }, { object: { nested: "x" } })).toBe(true);
    expect(onBody(policy, { "object.nested": "x" })).toBe(true);
    expect(onBody({ object: { nested: { test: ["y"] } } }, { "object.nested": { test: "y" } })).toBe(true);
    expect(onBody({ object: { nested: { test: ["y"] } } }, { object: { "nested.test": "y" } })).toBe(true);
    expect(onBody({ tags: ["b"] }, { tags: ["a", "b"] })).toBe(true);
    const records = { Records: [{ eventName: "ObjectCreated:Put", s3: { object: { key: "a.png" } } }, { eventName: "Other", s3: { object: { key: "b.txt" } } }] };
    expect(onBody({ Records: { eventName: [{ prefix: "ObjectCreated" }], s3: { object: { key: [{ suffix: ".png" }] } } } }, records)).toBe(true);
    expect(onBody({ a: { b: ["deep"] } }, { a: [[{ b: "deep" }]] })).toBe(true);
  });
  it("MessageBody scope: a body that is not a JSON object is not delivered (A.1 item 7)", () => {
    expect(onBody({ a: ["x"] }, "plain text")).toBe(false);
    expect(onBody({ a: ["x"] }, JSON.stringify("a JSON string"))).toBe(false);
    expect(onBody({ a: ["x"] }, "[1,2]")).toBe(false);
  });
});

describe("filter policies: operators (A.2)", () => {
  it("exact number: numeric equality (301.5 matches 3.015e2); number and string never equal", () => {
    expect(onAttributes({ n: [301.5] }, { n: N("3.015e2") })).toBe(true);
    expect(onAttributes({ n: [100] }, { n: S("100") })).toBe(false);
    expect(onBody({ n: [100] }, { n: "100" })).toBe(false);
    expect(onBody({ n: ["100"] }, { n: 100 })).toBe(false);
  });
  it("prefix, suffix and equals-ignore-case work on strings only", () => {
    expect(onAttributes({ s: [{ prefix: "bas" }] }, { s: S("baseball") })).toBe(true);
    expect(onAttributes({ s: [{ prefix: "bas" }] }, { s: S("rugby") })).toBe(false);
    expect(onAttributes({ s: [{ suffix: "ball" }] }, { s: S("baseball") })).toBe(true);
    expect(onAttributes({ s: [{ suffix: "ball" }] }, { s: S("ballet") })).toBe(false);
    expect(onAttributes({ s: [{ "equals-ignore-case": "TeNnIs" }] }, { s: S("tennis") })).toBe(true);
    expect(onAttributes({ n: [{ prefix: "1" }] }, { n: N("100") })).toBe(false);
  });
  it("anything-but: single value, list, numbers, prefix", () => {
    expect(onAttributes({ s: [{ "anything-but": "rugby" }] }, { s: S("tennis") })).toBe(true);
    expect(onAttributes({ s: [{ "anything-but": "rugby" }] }, { s: S("rugby") })).toBe(false);
    expect(onAttributes({ s: [{ "anything-but": ["rugby", "tennis"] }] }, { s: S("tennis") })).toBe(false);
    // A.5: a String.Array with one non-excluded value matches.
    expect(onAttributes({ s: [{ "anything-but": ["rugby", "tennis"] }] }, { s: A(["rugby", "baseball"]) })).toBe(true);
    // A.5: numeric anything-but does exclude the Number 100 (LocalStack gets this wrong) ...
    expect(onAttributes({ n: [{ "anything-but": [100, 500] }] }, { n: N("100") })).toBe(false);
    expect(onAttributes({ n: [{ "anything-but": [100, 500] }] }, { n: N("101") })).toBe(true);
    // ... but the string "100" does not exclude the Number 100.
    expect(onAttributes({ n: [{ "anything-but": ["100"] }] }, { n: N("100") })).toBe(true);
    expect(onAttributes({ s: [{ "anything-but": { prefix: "order-" } }] }, { s: S("order-1") })).toBe(false);
    expect(onAttributes({ s: [{ "anything-but": { prefix: "order-" } }] }, { s: S("refund-1") })).toBe(true);
  });
  it("numeric: comparisons and ranges, on numbers only", () => {
    const range = { price: [{ numeric: [">", 0, "<=", 150] }] };
    expect(onAttributes(range, { price: N("150") })).toBe(true);
    expect(onAttributes(range, { price: N("0") })).toBe(false);
    expect(onAttributes(range, { price: N("150.5") })).toBe(false);
    expect(onAttributes(range, { price: S("100") })).toBe(false);
    expect(onAttributes({ p: [{ numeric: ["=", 301.5] }] }, { p: N("301.5") })).toBe(true);
    expect(onAttributes({ p: [{ numeric: [">=", 10] }] }, { p: N("10") })).toBe(true);
    expect(onAttributes({ p: [{ numeric: ["<", 10] }] }, { p: N("10") })).toBe(false);
    expect(onBody({ p: [{ numeric: [">", 1, "<", 3] }] }, { p: [0, 2] })).toBe(true);
  });
  it("exists: true needs a value; false needs the key absent from a message that has other keys", () => {
    expect(onAttributes({ k: [{ exists: true }] }, { k: S("x") })).toBe(true);
    expect(onAttributes({ k: [{ exists: true }] }, { other: S("x") })).toBe(false);
    expect(onAttributes({ k: [{ exists: false }] }, { other: S("x") })).toBe(true);
    expect(onAttributes({ k: [{ exists: false }] }, { k: S("x") })).toBe(false);
    // A.5: with no attributes at all, exists:false does not match (LocalStack and moto get this wrong).
    expect(onAttributes({ k: [{ exists: false }] }, {})).toBe(false);
    expect(onBody({ k: [{ exists: true }] }, { k: null })).toBe(false);
    // anything-but combined with exists:false
    expect(onAttributes({ k: [{ "anything-but": "x" }, { exists: false }] }, { other: S("1") })).toBe(true);
  });
  it("a missing key never satisfies a value operator (A.5)", () => {
    expect(onAttributes({ attr1: [null, { "anything-but": "whatever" }] }, {})).toBe(false);
    expect(onBody({ a: [null] }, { a: null })).toBe(true);
    expect(onBody({ a: [null] }, { b: 1 })).toBe(false);
    expect(onBody({ flag: [true] }, { flag: true })).toBe(true);
    expect(onBody({ flag: [false] }, { flag: true })).toBe(false);
  });
  it("cidr: IPv4 and IPv6 subnets; invalid addresses never match", () => {
    expect(onAttributes({ ip: [{ cidr: "10.0.0.0/24" }] }, { ip: S("10.0.0.255") })).toBe(true);
    expect(onAttributes({ ip: [{ cidr: "10.0.0.0/24" }] }, { ip: S("10.0.1.0") })).toBe(false);
    expect(onAttributes({ ip: [{ cidr: "10.0.0.0/24" }] }, { ip: S("10.0.0.256") })).toBe(false);
    expect(onAttributes({ ip: [{ cidr: "2001:db8:1234:1a00::/64" }] }, { ip: S("2001:db8:1234:1a00::1") })).toBe(true);
    expect(onAttributes({ ip: [{ cidr: "2001:db8:1234:1a00::/64" }] }, { ip: S("2001:db8:1234:1a01::1") })).toBe(false);
  });
  it("$or: across keys, at the top level and nested in a body object", () => {
    const policy = { source: ["aws.cloudwatch"], $or: [{ metricName: ["CPUUtilization"] }, { namespace: ["AWS/EC2"] }] };
    expect(onAttributes(policy, { source: S("aws.cloudwatch"), namespace: S("AWS/EC2") })).toBe(true);
    expect(onAttributes(policy, { source: S("aws.cloudwatch"), metricName: S("CPUUtilization") })).toBe(true);
    expect(onAttributes(policy, { source: S("aws.cloudwatch"), namespace: S("AWS/S3") })).toBe(false);
    const nested = { detail: { $or: [{ state: ["stopped"] }, { code: [{ numeric: [">", 400] }] }] } };
    expect(onBody(nested, { detail: { code: 500 } })).toBe(true);
    expect(onBody(nested, { detail: { state: "running", code: 200 } })).toBe(false);
  });
});

describe("filter policies: limits (A.3)", () => {
  it("at most 5 keys (nested policies count parent keys only)", () => {
    expect(errorFor({ a: ["1"], b: ["1"], c: ["1"], d: ["1"], e: ["1"], f: ["1"] })).toBe("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys");
    expect(compileFilterPolicy(JSON.stringify({ a: { b: ["1"], c: ["1"], d: ["1"], e: ["1"], f: ["1"], g: ["1"] } }), "MessageBody", "subscribe").ok).toBe(true);
  });
  it("at most 150 combinations: products, nesting depth, and summed $or branches", () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(compileFilterPolicy(JSON.stringify({ k: values(150) }), "MessageAttributes", "subscribe").ok).toBe(true);
    expect(errorFor({ k: values(151) })).toBe("Invalid parameter: FilterPolicy: Filter policy is too complex");
    expect(errorFor({ a: values(100), b: values(51) })).toBe("Invalid parameter: FilterPolicy: Filter policy is too complex");
    // The doc's nested example is 3 x 4 x 2 x 3 = 72; with a third key of 3 values it is 216.
    const nested = { key_a: { key_b: { key_c: values(4) } }, key_d: { key_e: values(3) } };
    expect(compileFilterPolicy(JSON.stringify(nested), "MessageBody", "subscribe").ok).toBe(true);
    expect(errorFor({ ...nested, key_f: values(3) })).toBe("Invalid parameter: FilterPolicy: Filter policy is too complex");
    // (3x6)+(3x4x4)+(3x4x7) = 150 is accepted; (4x6)+(4x4x4)+(4x4x4) = 152 is not.
    const ok150 = { a: values(3), $or: [{ b: values(6) }, { c: values(4), d: values(4) }, { e: values(4), f: values(7) }] };
    expect(compileFilterPolicy(JSON.stringify(ok150), "MessageAttributes", "subscribe").ok).toBe(true);
    const bad152 = { a: values(4), $or: [{ b: values(6) }, { c: values(4), d: values(4) }, { e: values(4), f: values(4) }] };
    expect(errorFor(bad152)).toBe("Invalid parameter: FilterPolicy: Filter policy is too complex");
  });
});

describe("filter policies: validation errors with AWS's texts (A.4)", () => {
  const table: [unknown, string][] = [
    [{ key: [["value"]] }, "Match value must be String, number, true, false, or null"],
    [{ key: [{ "wrong-operator": true }] }, "Unrecognized match type wrong-operator"],
    [{ key: [{ suffix: "value", prefix: "value2" }] }, "Only one key allowed in match expression"],
    [{ key: [] }, "Empty arrays are not allowed"],
    [{ key: [{ suffix: 100 }] }, "suffix match pattern must be a string"],
    [{ key: [{ suffix: null }] }, "suffix match pattern must be a string"],
    [{ key: [{ suffix: [] }] }, "suffix match pattern must be a string"],
    [{ key: [{ suffix: ["a", "b"] }] }, "suffix match pattern must be a string"],
    [{ key: { suffix: "value" } }, '"suffix" must be an object or an array'],
    [{ key_a: "value_one" }, '"key_a" must be an object or an array'],
    [{ key: [{ cidr: ["bad-filter"] }] }, "prefix match pattern must be a string"],
    [{ key: [{ cidr: "bad-filter" }] }, "Malformed CIDR, one '/' required"],
    [{ key: [{ cidr: "bad-filter/64" }] }, "Nonstandard IP address: bad-filter"],
    [{ key: [{ cidr: "bad-/64filter" }] }, "Malformed CIDR, mask bits must be an integer"],
    [{ key: [{ cidr: "xx.11.xx/8" }] }, "Nonstandard IP address: xx.11.xx"],
    [{ key: [{ numeric: [] }] }, "Invalid member in numeric match: ]"],
    [{ key: [{ numeric: ["operator"] }] }, "Unrecognized numeric range operator: operator"],
    [{ key: [{ numeric: [1, "<="] }] }, "Invalid member in numeric match: 1"],
    [{ key: [{ numeric: ["=", "000"] }] }, "Value of equals must be numeric"],
    [{ key: [{ numeric: [">="] }] }, "Value of >= must be numeric"],
    [{ key: [{ numeric: ["<", 100, ">", 10] }] }, "Too many elements in numeric expression"],
    [{ key: [{ numeric: [">=", 1, ">", 2] }] }, "Bad numeric range operator: >"],
    [{ key: [{ numeric: [">", 3, "<", 1] }] }, "Bottom must be less than top"],
    [{ key: [{ numeric: [">", 20, "<="] }] }, "Value of <= must be numeric"],
    [{ key: [{ numeric: [">", 20, 30] }] }, "Bad value in numeric range: 30"],
    [{ key: [{ numeric: [">", 20, "test"] }] }, "Bad numeric range operator: test"],
    [{ key: [{ numeric: [">", "20", "<", "30"] }] }, "Value of > must be numeric"],
    [{ key: [{ numeric: [">", 20, "<", 30, "<", 50] }] }, "Too many terms in numeric range expression"],
    [{ key: [{ exists: null }] }, "exists match pattern must be either true or false."],
    [{ key: [{ exists: "no" }] }, "exists match pattern must be either true or false."],
    [{ key: [{ "anything-but": { "wrong-operator": null } }] }, "Unsupported anything-but pattern: wrong-operator"],
    [{ key: [{ "anything-but": { suffix: "test" } }] }, "Unsupported anything-but pattern: suffix"],
    [{ key: [{ "anything-but": { exists: false } }] }, "Unsupported anything-but pattern: exists"],
    [{ key: [{ "anything-but": { prefix: false } }] }, "prefix match pattern must be a string"],
  ];
  it.each(table)("given %j, then the first line is %s", (policy, reason) => {
    expect(errorFor(policy)).toBe(`Invalid parameter: FilterPolicy: ${reason}`);
  });
  it("the prefix depends on the call: Subscribe vs SetSubscriptionAttributes", () => {
    expect(errorFor({ key: [] }, "subscribe")).toBe("Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed");
    expect(errorFor({ key: [] }, "set-attributes")).toBe("Invalid parameter: FilterPolicy: Empty arrays are not allowed");
  });
  it("the attribute scope refuses nesting (A.1 item 10)", () => {
    expect(errorFor({ a: { b: ["x"] } }, "set-attributes", "MessageAttributes")).toBe("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
  });
  it("accepts anything-but with a prefix, a list, or a value; unquoted null, true and false", () => {
    for (const policy of [{ k: [{ "anything-but": { prefix: "test-" } }] }, { k: [{ "anything-but": ["test", "test2"] }] }, { k: [{ "anything-but": "test" }] }, { k: [null, true, false, 1.5] }]) {
      expect(compileFilterPolicy(JSON.stringify(policy), "MessageAttributes", "subscribe").ok).toBe(true);
    }
  });
  it("refuses text that is not JSON", () => {
    const out = compileFilterPolicy("{not json", "MessageAttributes", "set-attributes");
    expect(out.ok).toBe(false);
  });
});
