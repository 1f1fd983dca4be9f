/**
 * Matching a request path against path templates ("/orders/{id}", "/files/{proxy+}"), as REST resources and
 * HTTP routes do: at each segment a literal beats a variable, and a variable beats a greedy `{name+}`, which
 * takes one or more remaining segments
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html, "Routing API requests";
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
 */

export type Segment = { readonly kind: "literal"; readonly text: string } | { readonly kind: "variable"; readonly name: string } | { readonly kind: "greedy"; readonly name: string };

export function parseTemplate(path: string): readonly Segment[] {
  return path
    .split("/")
    .filter((part) => part !== "")
    .map((part): Segment => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy) return { kind: "greedy", name: greedy[1] ?? "" };
      const variable = /^\{(.+)\}$/.exec(part);
      if (variable) return { kind: "variable", name: variable[1] ?? "" };
      return { kind: "literal", text: part };
    });
}

/** How specific a match is, segment by segment (literal 2, variable 1, greedy 0): larger wins. */
export type Specificity = readonly number[];

export interface TemplateMatch {
  readonly parameters: Readonly<Record<string, string>>;
  readonly specificity: Specificity;
}

/** Matches raw (still percent-encoded) path segments; parameter values are decoded. */
export function matchTemplate(template: readonly Segment[], segments: readonly string[]): TemplateMatch | undefined {
  const parameters: Record<string, string> = {};
  const specificity: number[] = [];
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    const segment = segments[i];
    if (part === undefined || segment === undefined) return undefined;
    if (part.kind === "greedy") {
      if (i !== template.length - 1) return undefined;
      parameters[part.name] = segments.slice(i).map(decode).join("/");
      specificity.push(0);
      return { parameters, specificity };
    }
    if (part.kind === "literal") {
      if (decode(segment) !== part.text) return undefined;
      specificity.push(2);
    } else {
      parameters[part.name] = decode(segment);
      specificity.push(1);
    }
  }
  return template.length === segments.length ? { parameters, specificity } : undefined;
}

export function compareSpecificity(a: Specificity, b: Specificity): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function pathSegments(path: string): string[] {
  return path.split("/").filter((part) => part !== "");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
