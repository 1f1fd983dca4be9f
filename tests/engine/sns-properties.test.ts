/**
 * Property: with random subscriptions (filter policies on attributes, some queues without the
 * policy SNS needs) and random messages, every published message reaches exactly the queues whose
 * filter matches and whose policy lets the topic in, exactly once, in publish order.
 *
 * Decision (documented in the README): a standard topic delivers each message once per matching
 * subscription. AWS allows duplicates ("at least once"), but only retries of failed deliveries
 * produce them in the sandbox, so exercises stay predictable.
 * The oracle below is an independent, deliberately naive implementation of the operators used.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PublishCommand } from "sandbox-engine/aws/client-sns";
import { ReceiveMessageCommand } from "sandbox-engine/aws/client-sqs";
import { givenQueue, givenTopic, subscribeQueue } from "./sns-helpers.ts";

const COLORS = ["red", "green", "blue", "Red"];
type Cond =
  | { exact: string }
  | { prefix: string }
  | { anythingBut: string[] }
  | { range: [number, number] }
  | { exists: boolean };
type Policy = Partial<Record<"color" | "size" | "tags", Cond[]>>;
interface Msg {
  color?: string;
  size?: number;
  tags?: string[];
}

const cond = (key: "color" | "size" | "tags"): fc.Arbitrary<Cond> =>
  key === "size"
    ? fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([a, d]) => ({ range: [a, a + d] as [number, number] })),
        fc.boolean().map((exists) => ({ exists })),
      )
    : fc.oneof(
        fc.constantFrom(...COLORS).map((exact) => ({ exact })),
        fc.constantFrom("r", "g", "b", "R").map((prefix) => ({ prefix })),
        fc.subarray(COLORS, { minLength: 1 }).map((anythingBut) => ({ anythingBut })),
        fc.boolean().map((exists) => ({ exists })),
      );
const policyArb: fc.Arbitrary<Policy | undefined> = fc.option(
  fc.record(
    { color: fc.array(cond("color"), { minLength: 1, maxLength: 3 }), size: fc.array(cond("size"), { minLength: 1, maxLength: 2 }), tags: fc.array(cond("tags"), { minLength: 1, maxLength: 2 }) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const msgArb: fc.Arbitrary<Msg> = fc.record(
  { color: fc.constantFrom(...COLORS), size: fc.integer({ min: 0, max: 100 }), tags: fc.subarray(COLORS) },
  { requiredKeys: [] },
);

function toAws(policy: Policy): string {
  const out: Record<string, unknown[]> = {};
  for (const [key, conds] of Object.entries(policy)) {
    out[key] = conds!.map((c) =>
      "exact" in c ? c.exact : "prefix" in c ? { prefix: c.prefix } : "anythingBut" in c ? { "anything-but": c.anythingBut } : "range" in c ? { numeric: [">=", c.range[0], "<", c.range[1]] } : { exists: c.exists },
    );
  }
  return JSON.stringify(out);
}

function oracle(policy: Policy | undefined, msg: Msg): boolean {
  if (policy === undefined || Object.keys(policy).length === 0) return true;
  const present = Object.keys(msg).length > 0;
  return Object.entries(policy).every(([key, conds]) => {
    const raw = msg[key as keyof Msg];
    const values: (string | number)[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return conds!.some((c) => {
      // exists:true needs a non-empty value (an empty String.Array has none).
      if ("exists" in c) return c.exists ? values.length > 0 : raw === undefined && present;
      return values.some((v) =>
        "exact" in c ? v === c.exact : "prefix" in c ? typeof v === "string" && v.startsWith(c.prefix) : "anythingBut" in c ? !c.anythingBut.includes(v as string) : typeof v === "number" && v >= c.range[0] && v < c.range[1],
      );
    });
  });
}

describe("SNS fan-out properties", () => {
  it(
    "each message reaches exactly the matching, permitted subscribers, once and in order",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ policy: policyArb, permitted: fc.constantFrom(true, true, true, false) }), { minLength: 1, maxLength: 6 }),
          fc.array(msgArb, { minLength: 1, maxLength: 25 }),
          async (subs, messages) => {
            const f = await givenTopic("orders", {}, { seed: 7 });
            const queues = [];
            for (const [i, sub] of subs.entries()) {
              const q = await givenQueue(f, `q${i}`, sub.permitted);
              await subscribeQueue(f, q.arn, { RawMessageDelivery: "true", ...(sub.policy === undefined ? {} : { FilterPolicy: toAws(sub.policy) }) });
              queues.push(q);
            }
            for (const [id, msg] of messages.entries()) {
              const MessageAttributes: Record<string, { DataType: string; StringValue: string }> = {};
              if (msg.color !== undefined) MessageAttributes["color"] = { DataType: "String", StringValue: msg.color };
              if (msg.size !== undefined) MessageAttributes["size"] = { DataType: "Number", StringValue: String(msg.size) };
              if (msg.tags !== undefined) MessageAttributes["tags"] = { DataType: "String.Array", StringValue: JSON.stringify(msg.tags) };
              await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: String(id), MessageAttributes }));
            }
            for (const [i, sub] of subs.entries()) {
              const got: number[] = [];
              for (;;) {
                const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: queues[i]!.url, MaxNumberOfMessages: 10 }));
                if (Messages.length === 0) break;
                got.push(...Messages.map((m) => Number(m.Body)));
              }
              const expected = sub.permitted ? messages.flatMap((msg, id) => (oracle(sub.policy, msg) ? [id] : [])) : [];
              expect(got).toEqual(expected);
            }
          },
        ),
        { numRuns: 150, seed: 20260101 },
      );
    },
    60_000,
  );
});
