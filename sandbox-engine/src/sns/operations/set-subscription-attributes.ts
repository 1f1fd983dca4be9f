/** SetSubscriptionAttributes. */
import { ok } from "../../core/outcome.ts";
import { asParams, required, show } from "../params.ts";
import { invalidParameter, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import { apply, findSubscription, parseAttributes } from "../subscriptions.ts";

export function setSubscriptionAttributes(ctx: SnsContext, input: unknown): SnsOutcome<Record<string, never>> {
  const params = asParams(input);
  const arn = required(params, "SubscriptionArn");
  if (!arn.ok) return arn;
  const name = required(params, "AttributeName");
  if (!name.ok) return name;
  const value = params["AttributeValue"] ?? "";
  if (typeof value !== "string") return invalidParameter("Invalid parameter: AttributeValue", `AttributeValue must be a string (use JSON.stringify for policies), got ${show(value)}.`);
  const found = findSubscription(ctx, arn.value);
  if (!found.ok) return found;
  const s = found.value;
  const parsed = parseAttributes(ctx, new Map([[name.value, value]]), s.topic, s.protocol, s.endpoint, s.attributes, "set-attributes");
  if (!parsed.ok) return parsed;
  apply(s, parsed.value);
  ctx.trace.record("sns", "set-subscription-attributes", s.topic.arn, { subscription: s.arn, name: name.value });
  return ok({});
}
