/**
 * Which recipients a receipt rule applies to. A condition is an address (exact), a domain (every address
 * at that domain, not its subdomains) or `.domain` (every address at any subdomain of it, not the domain
 * itself); a rule with no condition applies to every recipient on a verified domain
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptRule.html). The domain / `.domain`
 * split follows the SES console's description of recipient conditions; AWS-FACTS D.9 marks the exact
 * table UNVERIFIED, and we rely on that reading.
 */
import { domainOf } from "../ses-context.ts";

export function conditionMatches(condition: string, recipient: string): boolean {
  const address = recipient.toLowerCase();
  if (condition.includes("@")) return condition === address;
  const domain = domainOf(address);
  if (condition.startsWith(".")) return domain.endsWith(condition) && domain.length > condition.length;
  return domain === condition;
}

/** The recipients a rule applies to; `verifiedDomain(d)` says whether d is a verified domain identity. */
export function recipientsOfRule(conditions: readonly string[], recipients: readonly string[], verifiedDomain: (domain: string) => boolean): string[] {
  if (conditions.length === 0) return recipients.filter((recipient) => verifiedDomain(domainOf(recipient)));
  return recipients.filter((recipient) => conditions.some((condition) => conditionMatches(condition, recipient)));
}
