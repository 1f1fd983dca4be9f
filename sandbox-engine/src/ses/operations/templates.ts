/**
 * Email templates (https://docs.aws.amazon.com/ses/latest/dg/send-personalized-email-api.html): a name,
 * SubjectPart, HtmlPart and/or TextPart with `{{tag}}` placeholders. At most 500 KB per template and 10,000
 * templates per Region (https://docs.aws.amazon.com/ses/latest/dg/quotas.html).
 */
import { fail, ok } from "../../core/outcome.ts";
import { buildMime } from "../mime.ts";
import type { SesContext, TemplateState } from "../ses-context.ts";
import { alreadyExists, limitExceeded, missing, templateDoesNotExist, type SesOutcome } from "../ses-faults.ts";
import { asParams, optionalString, requiredRecord, requiredString, resourceName } from "../ses-params.ts";
import { parseTemplateData, renderTemplatePart } from "../sending/template-render.ts";

export const MAX_TEMPLATE_BYTES = 500 * 1024;
export const MAX_TEMPLATES = 10_000;

type TemplateFields = { name: string; subject: string; html: string | undefined; text: string | undefined };

function readTemplate(input: unknown): SesOutcome<TemplateFields> {
  const template = requiredRecord(asParams(input), "Template");
  if (!template.ok) return template;
  const name = resourceName(template.value, "TemplateName", "template");
  if (!name.ok) return name;
  const subject = optionalString(template.value, "SubjectPart");
  const html = optionalString(template.value, "HtmlPart");
  const text = optionalString(template.value, "TextPart");
  if (!subject.ok) return subject;
  if (!html.ok) return html;
  if (!text.ok) return text;
  const size = new TextEncoder().encode(`${subject.value ?? ""}${html.value ?? ""}${text.value ?? ""}`).length;
  if (size > MAX_TEMPLATE_BYTES) return fail("InvalidTemplateException", `Template ${name.value} is larger than 500 KB.`, { queryCode: "InvalidTemplate" });
  return ok({ name: name.value, subject: subject.value ?? "", html: html.value, text: text.value });
}

export function createTemplate(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const fields = readTemplate(input);
  if (!fields.ok) return fields;
  if (ctx.templates.has(fields.value.name)) return alreadyExists(`Template ${fields.value.name} already exists.`);
  if (ctx.templates.size >= MAX_TEMPLATES) return limitExceeded(`You have reached the maximum of ${MAX_TEMPLATES} templates.`);
  ctx.templates.set(fields.value.name, { ...fields.value, createdAt: ctx.clock.now() });
  ctx.trace.record("ses", "create-template", fields.value.name, {});
  return ok({});
}

export function updateTemplate(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const fields = readTemplate(input);
  if (!fields.ok) return fields;
  const existing = ctx.templates.get(fields.value.name);
  if (existing === undefined) return templateDoesNotExist(fields.value.name);
  Object.assign(existing, { subject: fields.value.subject, html: fields.value.html, text: fields.value.text });
  return ok({});
}

function found(ctx: SesContext, input: unknown): SesOutcome<TemplateState> {
  const name = requiredString(asParams(input), "TemplateName");
  if (!name.ok) return name;
  const template = ctx.templates.get(name.value);
  return template === undefined ? templateDoesNotExist(name.value) : ok(template);
}

export function getTemplate(ctx: SesContext, input: unknown): SesOutcome<{ Template: { TemplateName: string; SubjectPart: string; HtmlPart?: string; TextPart?: string } }> {
  const template = found(ctx, input);
  if (!template.ok) return template;
  const { name, subject, html, text } = template.value;
  return ok({ Template: { TemplateName: name, SubjectPart: subject, ...(html === undefined ? {} : { HtmlPart: html }), ...(text === undefined ? {} : { TextPart: text }) } });
}

export function deleteTemplate(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const name = requiredString(asParams(input), "TemplateName");
  if (!name.ok) return name;
  ctx.templates.delete(name.value);
  return ok({});
}

export function listTemplates(ctx: SesContext): SesOutcome<{ TemplatesMetadata: Array<{ Name: string; CreatedTimestamp: Date }> }> {
  return ok({ TemplatesMetadata: [...ctx.templates.values()].map((template) => ({ Name: template.name, CreatedTimestamp: new Date(template.createdAt) })) });
}

/**
 * TestRenderTemplate: the rendered MIME text, or MissingRenderingAttributeException ("Attribute 'x' is not
 * present in the rendering data.") / InvalidRenderingParameterException for data that is not a JSON object
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_TestRenderTemplate.html).
 */
export function testRenderTemplate(ctx: SesContext, input: unknown): SesOutcome<{ RenderedTemplate: string }> {
  const template = found(ctx, input);
  if (!template.ok) return template;
  const dataText = asParams(input)["TemplateData"];
  if (dataText === undefined || dataText === null) return missing("TemplateData");
  const data = typeof dataText === "string" ? parseTemplateData(dataText) : { ok: false as const };
  if (!data.ok) return fail("InvalidRenderingParameterException", "Template data must be a JSON object.", { queryCode: "InvalidRenderingParameter", hint: "TemplateData is a string: JSON.stringify({ name: \"Ana\" })." });
  const parts: Array<string | undefined> = [];
  for (const part of [template.value.subject, template.value.text, template.value.html]) {
    if (part === undefined) {
      parts.push(undefined);
      continue;
    }
    const rendered = renderTemplatePart(part, data.data);
    if (!rendered.ok) return fail("MissingRenderingAttributeException", `Attribute '${rendered.missing}' is not present in the rendering data.`, { queryCode: "MissingRenderingAttribute" });
    parts.push(rendered.text);
  }
  return ok({ RenderedTemplate: buildMime({ headers: [["Date", new Date(ctx.clock.now()).toUTCString()], ["Subject", parts[0] ?? ""]], text: parts[1], html: parts[2] }) });
}

