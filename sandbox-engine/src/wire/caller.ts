import { AwsError } from "../core/aws-error.ts";
import type { Caller } from "../iam/index.ts";

/** "123456789012" or an IAM ARN -> the caller identity policies see. */
export function parseCaller(caller: string): Caller {
  if (/^\d{12}$/.test(caller)) return { type: "AWS", arn: `arn:aws:iam::${caller}:root`, accountId: caller };
  const match = /^arn:aws:(?:iam|sts)::(\d{12}):.+$/.exec(caller);
  if (match === null) {
    throw new AwsError(
      "InvalidParameterException",
      `The client's caller must be an account id ("111122223333") or an IAM ARN ("arn:aws:iam::111122223333:user/ana"), got ${String(caller)}.`,
    );
  }
  return { type: "AWS", arn: caller, accountId: match[1]! };
}
