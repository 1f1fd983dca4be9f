import { format, formatRegExp, inspect, truncateString } from "@vitest/utils/display";
import { isNegativeNaN, isObject, objectAttr } from "@vitest/utils/helpers";

/**
 * Titles of `it.each` / `describe.each` cases, ported from vitest's runner (`formatTitle`,
 * `formatTemplateString` in @vitest/runner) so that test names, and so verdicts by name, match
 * vitest exactly. Uses the same @vitest/utils formatting helpers vitest uses.
 */

/** vitest's default `taskTitleValueFormatTruncate`. */
const TITLE_VALUE_TRUNCATE = 40;

export function formatTitle(template: string, items: unknown[], idx: number): string {
  if (template.includes("%#") || template.includes("%$")) {
    template = template
      .replace(/%%/g, "__vitest_escaped_%__")
      .replace(/%#/g, `${idx}`)
      .replace(/%\$/g, `${idx + 1}`)
      .replace(/__vitest_escaped_%__/g, "%%");
  }
  const count = template.split("%").length - 1;
  if (template.includes("%f")) {
    (template.match(/%f/g) ?? []).forEach((_, i) => {
      if (isNegativeNaN(items[i] as number) || Object.is(items[i], -0)) {
        let occurrence = 0;
        template = template.replace(/%f/g, (match) => {
          occurrence++;
          return occurrence === i + 1 ? "-%f" : match;
        });
      }
    });
  }
  const inspectOptions = { truncate: TITLE_VALUE_TRUNCATE };
  const isObjectItem = isObject(items[0]);
  const formatAttribute = (s: string) =>
    s.replace(/\$([$\p{ID_Continue}.]+)/gu, (_, key: string) => {
      const isArrayKey = /^\d+$/.test(key);
      if (!isObjectItem && !isArrayKey) return `$${key}`;
      const arrayElement = isArrayKey ? objectAttr(items, key) : undefined;
      const value = isObjectItem ? objectAttr(items[0], key, arrayElement) : arrayElement;
      if (typeof value === "string") return truncateString(value, TITLE_VALUE_TRUNCATE);
      return inspect(value, inspectOptions);
    });

  let output = "";
  let i = 0;
  let lastIndex = 0;
  for (const m of template.matchAll(formatRegExp)) {
    if (lastIndex < m.index) output += formatAttribute(template.slice(lastIndex, m.index));
    output += i < count ? format([m[0], items[i++]], inspectOptions) : m[0];
    lastIndex = m.index + m[0].length;
  }
  if (lastIndex < template.length) output += formatAttribute(template.slice(lastIndex));
  return output;
}

/** it.each`a | b ${1} | ${2}` -> [{ a: 1, b: 2 }]. */
export function formatTemplateString(cases: readonly string[], args: unknown[]): Record<string, unknown>[] {
  const header =
    cases
      .join("")
      .trim()
      .replace(/ /g, "")
      .split("\n")
      .map((line) => line.split("|"))[0] ?? [];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < Math.floor(args.length / header.length); i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < header.length; j++) row[header[j]!] = args[i * header.length + j];
    rows.push(row);
  }
  return rows;
}
