/**
 * Exercism's `test_code`: the body of the test as the course author wrote it (the original
 * TypeScript, not the transpiled code a function's `toString()` would give). Found from the line
 * where `it(...)` was called: the first function argument from there on, its braces matched by a
 * small scanner that knows strings, template literals and comments. Falls back to that line.
 */
export function extractTestCode(source: string, line: number): string {
  const lines = source.split("\n");
  const fallback = (lines[line - 1] ?? "").trim();
  let start = 0;
  for (let i = 1; i < line && i <= lines.length; i++) start += (lines[i - 1]?.length ?? 0) + 1;
  try {
    const body = findFunctionBody(source, start);
    return body === undefined ? fallback : dedent(body);
  } catch {
    return fallback;
  }
}

/** Longest stretch scanned for the test's function: a test body, not the rest of the file. */
const MAX_SCAN = 20_000;

function findFunctionBody(src: string, from: number): string | undefined {
  const end = Math.min(src.length, from + MAX_SCAN);
  let depth = 0;
  for (let i = from; i < end; ) {
    const skipped = skipNonCode(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i]!;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === "=" && src[i + 1] === ">") {
      let j = skipSpace(src, i + 2);
      if (src[j] === "{") return blockBody(src, j);
      const stop = expressionEnd(src, j);
      return src.slice(j, stop).trim();
    } else if (src.startsWith("function", i) && !/[\w$]/.test(src[i - 1] ?? "") && !/[\w$]/.test(src[i + 8] ?? "")) {
      const open = src.indexOf("(", i);
      if (open < 0) return undefined;
      const close = matching(src, open);
      const brace = src.indexOf("{", close);
      return brace < 0 ? undefined : blockBody(src, brace);
    }
    i++;
  }
  return undefined;
}

function blockBody(src: string, open: number): string {
  return src.slice(open + 1, matching(src, open) - 1);
}

/** Index just past the bracket that closes the one at `open`. */
function matching(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; ) {
    const skipped = skipNonCode(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i]!;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new Error("unbalanced");
}

/** End of an arrow's expression body: the `)` or `,` that closes the call it is an argument of. */
function expressionEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; ) {
    const skipped = skipNonCode(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i]!;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (ch === "," && depth === 0) return i;
    i++;
  }
  return src.length;
}

function skipSpace(src: string, i: number): number {
  while (i < src.length && /\s/.test(src[i]!)) i++;
  return i;
}

/** If a string, template literal or comment starts at `i`, the index after it; else `i`. */
function skipNonCode(src: string, i: number): number {
  const ch = src[i];
  if (ch === "/" && src[i + 1] === "/") {
    const nl = src.indexOf("\n", i);
    return nl < 0 ? src.length : nl;
  }
  if (ch === "/" && src[i + 1] === "*") {
    const close = src.indexOf("*/", i + 2);
    return close < 0 ? src.length : close + 2;
  }
  if (ch === '"' || ch === "'") {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === "\\") j++;
      else if (src[j] === ch || src[j] === "\n") return j + 1;
    }
    return src.length;
  }
  if (ch === "`") {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === "\\") j++;
      else if (src[j] === "`") return j + 1;
      else if (src[j] === "$" && src[j + 1] === "{") j = matching(src, j + 1) - 1;
    }
    return src.length;
  }
  return i;
}

function dedent(text: string): string {
  const lines = text.replace(/^[ \t]*\r?\n/, "").replace(/\s+$/, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}
