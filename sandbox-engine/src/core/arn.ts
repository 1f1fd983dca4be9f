/**
 * ARNs: arn:partition:service:region:account-id:resource
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). One parser for every service:
 * it accepts any partition and region and leaves it to the caller to say which service it expects, so
 * each service can answer a wrong ARN with its own AWS error.
 */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  /** Everything after the account, colons included (e.g. "function:orders:prod"). */
  readonly resource: string;
}

/** The parts of an ARN, or undefined when `text` is not one (fewer than six parts, or no partition/service). */
export function parseArn(text: unknown): Arn | undefined {
  if (typeof text !== "string") return undefined;
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[1] === "" || parts[2] === "") return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, accountId: parts[4]!, resource: parts.slice(5).join(":") };
}

/** The last part of an ARN: a topic or queue name. */
export function arnName(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}
