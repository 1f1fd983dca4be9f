/**
 * IAM policy documents as resource policies use them (SNS topic policies, SQS queue policies):
 * parsing any JSON a learner writes into a normalised form, with a plain-words error when it is not
 * a policy. Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { globMatch } from "./glob.ts";

export type Effect = "Allow" | "Deny";

/** Principal as written: "*" or { AWS?: ..., Service?: ..., Federated?: ... } (values normalised to lists). */
export type PrincipalSpec = "*" | Readonly<Record<string, readonly string[]>>;

export interface ConditionBlock {
  /** Operator as written, e.g. "StringEquals", "ArnLike", "StringNotEqualsIfExists". */
  readonly operator: string;
  /** Condition key (compared case-insensitively) -> allowed values (OR). */
  readonly key: string;
  readonly values: readonly string[];
}

export interface Statement {
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: PrincipalSpec | undefined;
  readonly actions: readonly string[] | undefined;
  readonly notActions: readonly string[] | undefined;
  readonly resources: readonly string[] | undefined;
  readonly notResources: readonly string[] | undefined;
  readonly conditions: readonly ConditionBlock[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
}

export type ParseResult = { readonly ok: true; readonly policy: PolicyDocument } | { readonly ok: false; readonly reason: string };

function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return [...value];
  return undefined;
}

function conditionValue(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.some((item) => typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean")) return undefined;
  return items.map(String);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function principal(value: unknown, name: string): PrincipalSpec | undefined | string {
  if (value === undefined) return undefined;
  if (value === "*") return "*";
  if (!isRecord(value)) return `${name} must be "*" or an object such as { "Service": "sns.amazonaws.com" }`;
  const out: Record<string, readonly string[]> = {};
  for (const [kind, ids] of Object.entries(value)) {
    const values = list(ids);
    if (values === undefined) return `${name}.${kind} must be a string or a list of strings`;
    out[kind] = values;
  }
  return out;
}

/** Parses a policy given as JSON text or as an object. */
export function parsePolicy(input: unknown): ParseResult {
  let doc = input;
  if (typeof input === "string") {
    try {
      doc = JSON.parse(input);
    } catch {
      return { ok: false, reason: "the policy is not valid JSON" };
    }
  }
  if (!isRecord(doc)) return { ok: false, reason: "the policy must be a JSON object with a Statement" };
  const raw = doc["Statement"];
  const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (items.length === 0) return { ok: false, reason: "the policy has no Statement" };
  const statements: Statement[] = [];
  for (const [index, item] of items.entries()) {
    const where = `Statement[${index}]`;
    if (!isRecord(item)) return { ok: false, reason: `${where} must be an object` };
    const effect = item["Effect"];
    if (effect !== "Allow" && effect !== "Deny") return { ok: false, reason: `${where}.Effect must be "Allow" or "Deny"` };
    const p = principal(item["Principal"], `${where}.Principal`);
    if (typeof p === "string" && p !== "*") return { ok: false, reason: p };
    const np = principal(item["NotPrincipal"], `${where}.NotPrincipal`);
    if (typeof np === "string" && np !== "*") return { ok: false, reason: np };
    const actions = list(item["Action"]);
    const notActions = list(item["NotAction"]);
    if ((item["Action"] !== undefined && actions === undefined) || (item["NotAction"] !== undefined && notActions === undefined)) {
      return { ok: false, reason: `${where}.Action must be a string or a list of strings such as "sqs:SendMessage"` };
    }
    if (actions === undefined && notActions === undefined) return { ok: false, reason: `${where} needs an Action` };
    const resources = list(item["Resource"]);
    const notResources = list(item["NotResource"]);
    if ((item["Resource"] !== undefined && resources === undefined) || (item["NotResource"] !== undefined && notResources === undefined)) {
      return { ok: false, reason: `${where}.Resource must be a string or a list of ARNs` };
    }
    const conditions: ConditionBlock[] = [];
    const rawCondition = item["Condition"];
    if (rawCondition !== undefined) {
      if (!isRecord(rawCondition)) return { ok: false, reason: `${where}.Condition must be an object such as { "ArnEquals": { "aws:SourceArn": "..." } }` };
      for (const [operator, block] of Object.entries(rawCondition)) {
        if (!isRecord(block)) return { ok: false, reason: `${where}.Condition.${operator} must be an object of condition keys` };
        for (const [key, value] of Object.entries(block)) {
          const values = conditionValue(value);
          if (values === undefined) return { ok: false, reason: `${where}.Condition.${operator}.${key} must be a string or a list of strings` };
          conditions.push({ operator, key, values });
        }
      }
    }
    statements.push({
      sid: typeof item["Sid"] === "string" ? item["Sid"] : undefined,
      effect,
      principal: p as PrincipalSpec | undefined,
      notPrincipal: np as PrincipalSpec | undefined,
      actions,
      notActions,
      resources,
      notResources,
      conditions,
    });
  }
  return { ok: true, policy: { statements } };
}

/** Action names are case-insensitive ("SNS:Publish" = "sns:publish"), wildcards allowed. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action, true);
}
