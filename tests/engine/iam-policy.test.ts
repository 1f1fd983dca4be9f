/** The IAM policy evaluator (src/iam): principals, actions, resources, conditions, explicit deny. */
import { describe, expect, it } from "vitest";
import { iam } from "sandbox-engine";

const topic = "arn:aws:sns:us-east-1:123456789012:orders";
const queue = "arn:aws:sqs:us-east-1:123456789012:billing";
const sns = { type: "Service", service: "sns.amazonaws.com" } as const;
const alice = { type: "AWS", arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333" } as const;

function decide(policy: unknown, request: Parameters<typeof iam.evaluatePolicy>[1]): string {
  const parsed = iam.parsePolicy(policy);
  if (!parsed.ok) throw new Error(parsed.reason);
  return iam.evaluatePolicy(parsed.policy, request).decision;
}
const allowSns = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queue, Condition: { ArnEquals: { "aws:SourceArn": topic } } }],
};

describe("IAM policy evaluation", () => {
  it("given the documented queue policy, SNS may send from that topic only", () => {
    expect(decide(allowSns, { caller: sns, action: "sqs:SendMessage", resource: queue, context: { "aws:SourceArn": topic } })).toBe("allow");
    expect(decide(allowSns, { caller: sns, action: "sqs:SendMessage", resource: queue, context: { "aws:SourceArn": `${topic}-other` } })).toBe("implicit-deny");
    expect(decide(allowSns, { caller: sns, action: "sqs:SendMessage", resource: queue })).toBe("implicit-deny");
    expect(decide(allowSns, { caller: alice, action: "sqs:SendMessage", resource: queue, context: { "aws:SourceArn": topic } })).toBe("implicit-deny");
  });
  it("action names are case-insensitive and take wildcards; resources take wildcards", () => {
    const policy = { Statement: { Effect: "Allow", Principal: "*", Action: ["SQS:Send*"], Resource: "arn:aws:sqs:us-east-1:123456789012:*" } };
    expect(decide(policy, { caller: sns, action: "sqs:SendMessage", resource: queue })).toBe("allow");
    expect(decide(policy, { caller: sns, action: "sqs:ReceiveMessage", resource: queue })).toBe("implicit-deny");
    expect(decide({ Statement: { Effect: "Allow", Principal: "*", Action: "*", Resource: "arn:aws:sqs:*:*:bill?ng" } }, { caller: sns, action: "sqs:SendMessage", resource: queue })).toBe("allow");
  });
  it("principals: '*', {AWS: account id / root ARN / user ARN}, {Service}", () => {
    const byAccount = { Statement: { Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "sns:Publish", Resource: topic } };
    const byRoot = { Statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sns:Publish", Resource: topic } };
    const byUser = { Statement: { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::111122223333:user/bob"] }, Action: "sns:Publish", Resource: topic } };
    const request = { caller: alice, action: "SNS:Publish", resource: topic };
    expect(decide(byAccount, request)).toBe("allow");
    expect(decide(byRoot, request)).toBe("allow");
    expect(decide(byUser, request)).toBe("implicit-deny");
  });
  it("an explicit Deny wins over any Allow", () => {
    const policy = {
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "sns:*", Resource: topic },
        { Sid: "NoAlice", Effect: "Deny", Principal: { AWS: alice.arn }, Action: "sns:Publish", Resource: topic },
      ],
    };
    expect(decide(policy, { caller: alice, action: "sns:Publish", resource: topic })).toBe("explicit-deny");
    expect(decide(policy, { caller: alice, action: "sns:Subscribe", resource: topic })).toBe("allow");
  });
  it("conditions: StringEquals, StringLike, ArnLike, aws:SourceAccount, keys case-insensitive, IfExists and Not", () => {
    const base = { Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: queue };
    const with_ = (Condition: unknown) => ({ Statement: { ...base, Condition } });
    const req = (context?: Record<string, string>) => ({ caller: sns, action: "sqs:SendMessage", resource: queue, ...(context ? { context } : {}) });
    expect(decide(with_({ StringEquals: { "AWS:SourceAccount": "123456789012" } }), req({ "aws:SourceAccount": "123456789012" }))).toBe("allow");
    expect(decide(with_({ StringEquals: { "aws:SourceAccount": "999999999999" } }), req({ "aws:SourceAccount": "123456789012" }))).toBe("implicit-deny");
    expect(decide(with_({ StringLike: { "aws:SourceArn": "arn:aws:sns:*:*:ord*" } }), req({ "aws:SourceArn": topic }))).toBe("allow");
    expect(decide(with_({ ArnLike: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:*" } }), req({ "aws:SourceArn": topic }))).toBe("allow");
    expect(decide(with_({ ArnEquals: { "aws:SourceArn": [`${topic}2`, topic] } }), req({ "aws:SourceArn": topic }))).toBe("allow");
    expect(decide(with_({ StringEqualsIfExists: { "aws:SourceArn": "x" } }), req())).toBe("allow");
    expect(decide(with_({ StringNotEquals: { "aws:SourceArn": "x" } }), req({ "aws:SourceArn": topic }))).toBe("allow");
    expect(decide(with_({ ArnNotEquals: { "aws:SourceArn": topic } }), req({ "aws:SourceArn": topic }))).toBe("implicit-deny");
    expect(decide(with_({ NoSuchOperator: { "aws:SourceArn": topic } }), req({ "aws:SourceArn": topic }))).toBe("implicit-deny");
  });
  it("no policy means implicit deny; malformed policies are reported in plain words", () => {
    expect(iam.evaluatePolicy(undefined, { caller: sns, action: "sqs:SendMessage", resource: queue }).decision).toBe("implicit-deny");
    expect(iam.parsePolicy("{").ok).toBe(false);
    expect(iam.parsePolicy({ Statement: [{ Effect: "Maybe" }] })).toEqual({ ok: false, reason: 'Statement[0].Effect must be "Allow" or "Deny"' });
  });
  it("glob matching has no exponential blow-up", () => {
    expect(iam.globMatch("*a*a*a*a*a*a*a*a*b", "a".repeat(5000))).toBe(false);
  });
});
