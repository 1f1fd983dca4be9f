/**
 * SES template rendering: `{{tag}}` is replaced by the value at that (dotted) path of the template data
 * (https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-api.html). SES does NOT escape HTML
 * in replacement values, so neither do we: a value holding markup ends up as markup in the mail.
 * A tag with no value in the data is a rendering failure (SendTemplatedEmail accepts the message and
 * emits a Rendering Failure event; TestRenderTemplate answers MissingRenderingAttributeException).
 * Handlebars blocks (`{{#if}}`, `{{#each}}`) are not simulated.
 */
export type RenderResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly missing: string };

const TAG = /\{\{\s*([A-Za-z0-9_$][\w.$-]*)\s*\}\}/g;

function lookup(data: unknown, path: string): unknown {
  let value = data;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function renderTemplatePart(part: string, data: unknown): RenderResult {
  let missing: string | undefined;
  const text = part.replace(TAG, (_whole, path: string) => {
    const value = lookup(data, path);
    if (value === undefined || value === null) {
      missing ??= path;
      return "";
    }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  });
  return missing === undefined ? { ok: true, text } : { ok: false, missing };
}

/** Parses TemplateData: a JSON object as a string. */
export function parseTemplateData(text: string): { ok: true; data: Record<string, unknown> } | { ok: false } {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false };
    return { ok: true, data: data as Record<string, unknown> };
  } catch {
    return { ok: false };
  }
}
