/**
 * Property: random inbound mails (source IP, recipients) against random IP filters and random active rule
 * sets (enabled or not, recipient conditions, ordered actions: S3, AddHeader, Stop, synchronous Lambdas
 * answering each disposition) produce exactly what a small reference model of the receiving pipeline
 * predicts: accepted or rejected (and the SMTP code), which rules ran, and which actions ran in which order
 * with which outcome. The model is deliberately naive: IP precedence (an Allow wins over any Block),
 * recipient conditions by string comparison, then the loops with their stop semantics.
 * 220 rule sets x 50 mails = 11,000 mails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "sandbox-engine";
import { AddPermissionCommand, LambdaClient } from "sandbox-engine/aws/client-lambda";
import { givenSes, value } from "./ses-helpers.ts";

type Disposition = "STOP_RULE" | "STOP_RULE_SET" | "CONTINUE";
type ModelAction = { kind: "S3" } | { kind: "AddHeader" } | { kind: "Stop" } | { kind: "Lambda"; disposition: Disposition };
interface ModelRule {
  enabled: boolean;
  conditions: string[];
  actions: ModelAction[];
}
interface ModelFilter {
  policy: "Block" | "Allow";
  /** a.b.c.d/bits over 10.0.0.0/16 */
  third: number;
  fourth: number;
  bits: 8 | 16 | 24 | 32;
}
interface Mail {
  ip: [number, number];
  to: string[];
}

const RECIPIENTS = ["a@shop.example", "b@eu.shop.example", "c@other.example", "d@verified.example"];
const CONDITIONS = ["shop.example", ".shop.example", "a@shop.example", "other.example", "c@other.example", "eu.shop.example"];

const actionArb: fc.Arbitrary<ModelAction> = fc.oneof(
  fc.constant({ kind: "S3" as const }),
  fc.constant({ kind: "AddHeader" as const }),
  fc.constant({ kind: "Stop" as const }),
  fc.constantFrom<Disposition>("STOP_RULE", "STOP_RULE_SET", "CONTINUE").map((disposition) => ({ kind: "Lambda" as const, disposition })),
);
const ruleArb: fc.Arbitrary<ModelRule> = fc.record({
  enabled: fc.boolean(),
  conditions: fc.oneof({ weight: 1, arbitrary: fc.constant<string[]>([]) }, { weight: 4, arbitrary: fc.subarray(CONDITIONS, { minLength: 1, maxLength: 3 }) }),
  actions: fc.array(actionArb, { maxLength: 4 }),
});
const filterArb: fc.Arbitrary<ModelFilter> = fc.record({
  policy: fc.constantFrom<"Block" | "Allow">("Block", "Allow"),
  third: fc.integer({ min: 0, max: 3 }),
  fourth: fc.integer({ min: 0, max: 3 }),
  bits: fc.constantFrom<8 | 16 | 24 | 32>(8, 16, 24, 32),
});
const mailArb: fc.Arbitrary<Mail> = fc.record({
  ip: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
  to: fc.subarray(RECIPIENTS, { minLength: 1 }),
});

const cidrText = (filter: ModelFilter) => `10.0.${filter.third}.${filter.fourth}/${filter.bits}`;

function inRange(filter: ModelFilter, [third, fourth]: [number, number]): boolean {
  if (filter.bits <= 16) return true; // every address is in 10.0.0.0/16 or wider
  if (filter.bits === 24) return third === filter.third;
  return third === filter.third && fourth === filter.fourth;
}

function conditionHolds(condition: string, recipient: string): boolean {
  const domain = recipient.split("@")[1]!;
  if (condition.includes("@")) return condition === recipient;
  if (condition.startsWith(".")) return domain.endsWith(condition);
  return domain === condition;
}

/** The reference model: what the pipeline should do. */
function expected(filters: ModelFilter[], rules: ModelRule[], mail: Mail) {
  const blocked = filters.some((f) => f.policy === "Block" && inRange(f, mail.ip)) && !filters.some((f) => f.policy === "Allow" && inRange(f, mail.ip));
  if (blocked) return { accepted: false, code: 554, matchedRules: [] as string[], actions: [] as string[] };
  const applying = rules
    .map((rule, index) => ({ rule, name: `r${index}` }))
    .filter(({ rule }) => rule.enabled && mail.to.some((to) => (rule.conditions.length === 0 ? to.endsWith("@verified.example") : rule.conditions.some((c) => conditionHolds(c, to)))));
  if (applying.length === 0) return { accepted: false, code: 550, matchedRules: [], actions: [] };
  const matchedRules: string[] = [];
  const actions: string[] = [];
  outer: for (const { rule, name } of applying) {
    matchedRules.push(name);
    for (const action of rule.actions) {
      const outcome = action.kind === "Stop" ? "stop-rule-set" : action.kind === "Lambda" ? { STOP_RULE: "stop-rule", STOP_RULE_SET: "stop-rule-set", CONTINUE: "done" }[action.disposition] : "done";
      actions.push(`${name}:${action.kind}:${outcome}`);
      if (outcome === "stop-rule-set") break outer;
      if (outcome === "stop-rule") continue outer;
    }
  }
  return { accepted: true, code: 250, matchedRules, actions };
}

const ACCOUNT = "123456789012";

async function givenPipeline(filters: ModelFilter[], rules: ModelRule[]): Promise<Sandbox> {
  const sb = givenSes("verified.example");
  const lambda = new LambdaClient({ sandbox: sb });
  for (const disposition of ["STOP_RULE", "STOP_RULE_SET", "CONTINUE"] as const) {
    sb.lambda.createFunction({ FunctionName: disposition.toLowerCase().replace(/_/g, "-"), handler: async () => ({ disposition }) });
    await lambda.send(new AddPermissionCommand({ FunctionName: disposition.toLowerCase().replace(/_/g, "-"), StatementId: "ses", Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com" }));
  }
  filters.forEach((filter, index) => value(sb.ses.createReceiptFilter({ Filter: { Name: `f${index}`, IpFilter: { Policy: filter.policy, Cidr: cidrText(filter) } } })));
  value(sb.ses.createReceiptRuleSet({ RuleSetName: "random" }));
  value(sb.ses.setActiveReceiptRuleSet({ RuleSetName: "random" }));
  rules.forEach((rule, index) => {
    const Actions = rule.actions.map((action) => {
      switch (action.kind) {
        case "S3":
          return { S3Action: { BucketName: "mail" } };
        case "AddHeader":
          return { AddHeaderAction: { HeaderName: "X-Seen", HeaderValue: `r${index}` } };
        case "Stop":
          return { StopAction: { Scope: "RuleSet" } };
        case "Lambda":
          return { LambdaAction: { FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${action.disposition.toLowerCase().replace(/_/g, "-")}`, InvocationType: "RequestResponse" } };
      }
    });
    // Each rule goes after the previous one, so the rule set's order is r0, r1, ...
    value(sb.ses.createReceiptRule({ RuleSetName: "random", ...(index === 0 ? {} : { After: `r${index - 1}` }), Rule: { Name: `r${index}`, Enabled: rule.enabled, Recipients: rule.conditions, Actions } }));
  });
  return sb;
}

describe("receiving pipeline against a reference model", () => {
  it("11,000 random mails over 220 random rule sets and filter lists agree with the model", async () => {
    let mails = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(filterArb, { maxLength: 4 }), fc.array(ruleArb, { minLength: 1, maxLength: 5 }), fc.array(mailArb, { minLength: 50, maxLength: 50 }), async (filters, rules, batch) => {
        const sb = await givenPipeline(filters, rules);
        for (const mail of batch) {
          mails += 1;
          const result = await sb.ses.receiveEmail({ from: "sender@outside.example", to: mail.to, sourceIp: `10.0.${mail.ip[0]}.${mail.ip[1]}` });
          const model = expected(filters, rules, mail);
          expect({ accepted: result.accepted, code: result.smtp.code, matchedRules: result.matchedRules, actions: result.actions.map((a) => `${a.rule}:${a.type}:${a.outcome}`) }).toEqual(model);
        }
      }),
      { numRuns: 220, seed: 20261129 },
    );
    expect(mails).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});
