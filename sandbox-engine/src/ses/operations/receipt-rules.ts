/**
 * Receipt rule sets, rules and IP filters
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html). One rule
 * set is active at a time; rules run in their order; CreateReceiptRule puts a rule first, or right after
 * `After`. Limits (https://docs.aws.amazon.com/ses/latest/dg/quotas.html): 40 rule sets, 200 rules per set,
 * 100 IP filters.
 */
import { fail, ok } from "../../core/outcome.ts";
import { checkRuleActions } from "../receiving/action-targets.ts";
import { parseIpv4Cidr } from "../receiving/ipv4-cidr.ts";
import { readReceiptRule } from "../receiving/receipt-rule-input.ts";
import type { ReceiptRuleSetState, SesContext } from "../ses-context.ts";
import { alreadyExists, invalidValue, limitExceeded, ruleDoesNotExist, ruleSetDoesNotExist, type SesOutcome } from "../ses-faults.ts";
import { asParams, optionalString, requiredRecord, requiredString, resourceName, stringList } from "../ses-params.ts";

type Empty = Record<string, never>;

export const MAX_RULE_SETS = 40;
export const MAX_RULES = 200;
export const MAX_FILTERS = 100;

function ruleSet(ctx: SesContext, input: unknown, name = "RuleSetName"): SesOutcome<ReceiptRuleSetState> {
  const setName = requiredString(asParams(input), name);
  if (!setName.ok) return setName;
  const set = ctx.ruleSets.get(setName.value);
  return set === undefined ? ruleSetDoesNotExist(setName.value) : ok(set);
}

export function createReceiptRuleSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const name = resourceName(asParams(input), "RuleSetName", "rule set");
  if (!name.ok) return name;
  if (ctx.ruleSets.has(name.value)) return alreadyExists(`Rule set already exists: ${name.value}`);
  if (ctx.ruleSets.size >= MAX_RULE_SETS) return limitExceeded(`You can have at most ${MAX_RULE_SETS} receipt rule sets.`);
  ctx.ruleSets.set(name.value, { name: name.value, createdAt: ctx.clock.now(), rules: [] });
  return ok({});
}

export function cloneReceiptRuleSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const original = ruleSet(ctx, input, "OriginalRuleSetName");
  if (!original.ok) return original;
  const created = createReceiptRuleSet(ctx, input);
  if (!created.ok) return created;
  ctx.ruleSets.get(asParams(input)["RuleSetName"] as string)!.rules = [...original.value.rules];
  return ok({});
}

export function deleteReceiptRuleSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const set = ruleSet(ctx, input);
  if (!set.ok) return set;
  if (ctx.activeRuleSet === set.value.name) return fail("CannotDeleteException", `Cannot delete active rule set: ${set.value.name}`, { queryCode: "CannotDelete", hint: "Deactivate it first: SetActiveReceiptRuleSet with no RuleSetName." });
  ctx.ruleSets.delete(set.value.name);
  return ok({});
}

function describe(set: ReceiptRuleSetState) {
  return { Metadata: { Name: set.name, CreatedTimestamp: new Date(set.createdAt) }, Rules: set.rules.map((rule) => structuredClone(rule.described)) };
}

export function describeReceiptRuleSet(ctx: SesContext, input: unknown) {
  const set = ruleSet(ctx, input);
  return set.ok ? ok(describe(set.value)) : set;
}

export function describeActiveReceiptRuleSet(ctx: SesContext) {
  const set = ctx.activeRuleSet === undefined ? undefined : ctx.ruleSets.get(ctx.activeRuleSet);
  return ok(set === undefined ? {} : describe(set));
}

export function listReceiptRuleSets(ctx: SesContext) {
  return ok({ RuleSets: [...ctx.ruleSets.values()].map((set) => ({ Name: set.name, CreatedTimestamp: new Date(set.createdAt) })) });
}

/** No RuleSetName: no rule set is active (all inbound mail is then rejected). */
export function setActiveReceiptRuleSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const name = optionalString(asParams(input), "RuleSetName");
  if (!name.ok) return name;
  if (name.value !== undefined && !ctx.ruleSets.has(name.value)) return ruleSetDoesNotExist(name.value);
  ctx.activeRuleSet = name.value;
  ctx.trace.record("ses", "activate-rule-set", name.value ?? "(none)", {});
  return ok({});
}

/** RuleNames must name every rule of the set exactly once. */
export function reorderReceiptRuleSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const set = ruleSet(ctx, input);
  if (!set.ok) return set;
  const names = stringList(asParams(input), "RuleNames");
  if (!names.ok) return names;
  const byName = new Map(set.value.rules.map((rule) => [rule.name, rule]));
  for (const name of names.value) if (!byName.has(name)) return ruleDoesNotExist(name);
  if (new Set(names.value).size !== names.value.length || names.value.length !== set.value.rules.length) {
    return invalidValue("Rule names list must contain every rule of the rule set exactly once.");
  }
  set.value.rules = names.value.map((name) => byName.get(name)!);
  return ok({});
}

export function createReceiptRule(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const set = ruleSet(ctx, input);
  if (!set.ok) return set;
  const rule = readReceiptRule(asParams(input));
  if (!rule.ok) return rule;
  const after = optionalString(asParams(input), "After");
  if (!after.ok) return after;
  if (set.value.rules.some((item) => item.name === rule.value.name)) return alreadyExists(`Rule already exists: ${rule.value.name}`);
  if (set.value.rules.length >= MAX_RULES) return limitExceeded(`A rule set can have at most ${MAX_RULES} rules.`);
  const index = after.value === undefined ? 0 : set.value.rules.findIndex((item) => item.name === after.value) + 1;
  if (after.value !== undefined && index === 0) return ruleDoesNotExist(after.value);
  const deliverable = checkRuleActions(ctx, set.value.name, rule.value);
  if (!deliverable.ok) return deliverable;
  set.value.rules.splice(index, 0, rule.value);
  ctx.trace.record("ses", "create-receipt-rule", set.value.name, { rule: rule.value.name, position: index });
  return ok({});
}

export function updateReceiptRule(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const set = ruleSet(ctx, input);
  if (!set.ok) return set;
  const rule = readReceiptRule(asParams(input));
  if (!rule.ok) return rule;
  const index = set.value.rules.findIndex((item) => item.name === rule.value.name);
  if (index === -1) return ruleDoesNotExist(rule.value.name);
  const deliverable = checkRuleActions(ctx, set.value.name, rule.value);
  if (!deliverable.ok) return deliverable;
  set.value.rules[index] = rule.value;
  return ok({});
}

function findRule(ctx: SesContext, input: unknown) {
  const set = ruleSet(ctx, input);
  if (!set.ok) return set;
  const name = requiredString(asParams(input), "RuleName");
  if (!name.ok) return name;
  const index = set.value.rules.findIndex((item) => item.name === name.value);
  return index === -1 ? ruleDoesNotExist(name.value) : ok({ set: set.value, index });
}

export function deleteReceiptRule(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const found = findRule(ctx, input);
  if (!found.ok) return found;
  found.value.set.rules.splice(found.value.index, 1);
  return ok({});
}

export function describeReceiptRule(ctx: SesContext, input: unknown) {
  const found = findRule(ctx, input);
  return found.ok ? ok({ Rule: structuredClone(found.value.set.rules[found.value.index]!.described) }) : found;
}

export function createReceiptFilter(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const filter = requiredRecord(asParams(input), "Filter");
  if (!filter.ok) return filter;
  const name = resourceName(filter.value, "Name", "filter");
  if (!name.ok) return name;
  const ip = requiredRecord(filter.value, "IpFilter");
  if (!ip.ok) return ip;
  const policy = ip.value["Policy"];
  if (policy !== "Block" && policy !== "Allow") return invalidValue(`Invalid IpFilter.Policy: ${String(policy)}`, 'Policy is "Block" or "Allow".');
  const cidrText = requiredString(ip.value, "Cidr");
  if (!cidrText.ok) return cidrText;
  const cidr = parseIpv4Cidr(cidrText.value);
  if (cidr === undefined) return invalidValue(`Invalid CIDR: ${cidrText.value}`, "An IPv4 address (10.0.0.1) or range in CIDR notation (10.0.0.0/24).");
  if (ctx.filters.has(name.value)) return alreadyExists(`Filter already exists: ${name.value}`);
  if (ctx.filters.size >= MAX_FILTERS) return limitExceeded(`You can have at most ${MAX_FILTERS} IP address filters.`);
  ctx.filters.set(name.value, { name: name.value, policy, cidrText: cidrText.value, cidr });
  return ok({});
}

export function deleteReceiptFilter(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const name = requiredString(asParams(input), "FilterName");
  if (!name.ok) return name;
  ctx.filters.delete(name.value);
  return ok({});
}

export function listReceiptFilters(ctx: SesContext) {
  return ok({ Filters: [...ctx.filters.values()].map((filter) => ({ Name: filter.name, IpFilter: { Policy: filter.policy, Cidr: filter.cidrText } })) });
}

