/** IAM wildcards: `*` (any run of characters, also none) and `?` (one character). No regex, no backtracking blow-up. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (ignoreCase) {
    pattern = pattern.toLowerCase();
    text = text.toLowerCase();
  }
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/**
 * ArnEquals / ArnLike: "each of the six colon-delimited components of the ARN is checked separately
 * and each can include multi-character match wildcards (*) or single-character match wildcards (?)"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 */
export function arnMatch(pattern: string, arn: string): boolean {
  const want = pattern.split(":");
  const have = arn.split(":");
  if (want.length < 6 || have.length < 6) return false;
  // The resource part may itself contain colons: compare it as one component.
  const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(":")];
  const a = head(want);
  const b = head(have);
  return a.every((part, i) => globMatch(part, b[i]!));
}
