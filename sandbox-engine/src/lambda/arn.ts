/**
 * Function names and ARNs. FunctionName accepts a name ("orders"), a full ARN
 * (arn:aws:lambda:us-east-1:123456789012:function:orders) or a partial ARN
 * (123456789012:function:orders); a name is 1-64 of letters, digits, hyphens and underscores
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html).
 */
import { invalidParameter, resourceNotFound, type LambdaOutcome } from "./lambda-faults.ts";

export interface Where {
  readonly region: string;
  readonly accountId: string;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function functionArn(where: Where, name: string): string {
  return `arn:aws:lambda:${where.region}:${where.accountId}:function:${name}`;
}

export function validateFunctionName(name: string): LambdaOutcome<string> {
  if (!NAME.test(name)) {
    return invalidParameter(
      `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ (1 to 64 characters)",
      "A function name uses letters, digits, hyphens and underscores, 1 to 64 characters.",
    );
  }
  return { ok: true, value: name };
}

/** The function name a FunctionName parameter refers to, with its qualifier if any. */
export function resolveFunctionName(where: Where, given: string): LambdaOutcome<{ name: string; qualifier?: string }> {
  const full = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(given);
  const partial = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(given);
  let name: string;
  let qualifier: string | undefined;
  if (full !== null) {
    if (full[1] !== where.region || full[2] !== where.accountId) {
      return resourceNotFound(`Function not found: ${given}`,
        `This sandbox is region ${where.region}, account ${where.accountId}.`);
    }
    name = full[3]!;
    qualifier = full[4];
  } else if (partial !== null) {
    if (partial[1] !== where.accountId) return resourceNotFound(`Function not found: ${given}`);
    name = partial[2]!;
    qualifier = partial[3];
  } else {
    const [base = "", q] = given.split(":");
    name = base;
    qualifier = q;
  }
  const valid = validateFunctionName(name);
  if (!valid.ok) return valid;
  return { ok: true, value: qualifier === undefined ? { name } : { name, qualifier } };
}
