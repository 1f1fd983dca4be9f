/**
 * Seeded fault injection for SES (`createSandbox({ faults: { ses: { bounce: ["ann@example.com"] } } })`): the listed
 * outside addresses hard-bounce, as a mailbox that does not exist (a Permanent/General bounce, after which the address
 * joins the account suppression list, as AWS does:
 * https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html). Each injected bounce is traced as
 * `ses` / `fault` before its `bounce`.
 */
import { checkFaultKeys } from "../core/fault-rate.ts";
import { isAddress } from "./mime.ts";

export interface SesFaults {
  /** Recipient addresses that hard-bounce (case-insensitive). */
  bounce?: readonly string[];
}

/** The lower-cased addresses that bounce, or a RangeError that names the bad entry. */
export function readBounceFaults(faults: SesFaults | undefined): ReadonlySet<string> {
  checkFaultKeys("faults.ses", faults, ["bounce"]);
  const bounce = faults?.bounce ?? [];
  if (!Array.isArray(bounce)) throw new RangeError(`faults.ses.bounce must be a list of addresses, got ${String(bounce)}`);
  return new Set(
    bounce.map((address: unknown, index) => {
      if (typeof address !== "string" || !isAddress(address)) throw new RangeError(`faults.ses.bounce[${index}] is not an address: ${String(address)}`);
      return address.toLowerCase();
    }),
  );
}
