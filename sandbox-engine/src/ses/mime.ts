/** Email addresses and MIME text: what SES stores, forwards to S3/SNS, and parses from SendRawEmail. */

/** The bare address of "Name <addr@x>" or "addr@x", lower-cased domain kept as given. */
export function bareAddress(text: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(text);
  return (angle ? angle[1]! : text).trim();
}

/** A syntactically plausible address: local@domain with a dot-free-or-dotted domain, no spaces. */
export function isAddress(text: string): boolean {
  return /^[^\s@<>]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(bareAddress(text));
}

export interface MimeParts {
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly text: string | undefined;
  readonly html: string | undefined;
}

const BOUNDARY = "=_ses-sandbox-boundary";

/** A MIME message: headers, then text/plain and text/html (multipart/alternative when both). */
export function buildMime(parts: MimeParts): string {
  const head = parts.headers.map(([name, value]) => `${name}: ${value}`);
  head.push("MIME-Version: 1.0");
  if (parts.text !== undefined && parts.html !== undefined) {
    return [
      ...head,
      `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
      "",
      `--${BOUNDARY}`,
      "Content-Type: text/plain; charset=UTF-8",
      "",
      parts.text,
      `--${BOUNDARY}`,
      "Content-Type: text/html; charset=UTF-8",
      "",
      parts.html,
      `--${BOUNDARY}--`,
      "",
    ].join("\r\n");
  }
  const html = parts.html !== undefined;
  return [...head, `Content-Type: text/${html ? "html" : "plain"}; charset=UTF-8`, "", (html ? parts.html : parts.text) ?? "", ""].join("\r\n");
}

export interface ParsedMime {
  /** In order, names as written. */
  readonly headers: Array<[string, string]>;
  readonly text: string;
  readonly html: string | undefined;
}

/** Reads a raw message: unfolded headers, and the text/html parts of a simple or multipart body. */
export function parseMime(raw: string): ParsedMime {
  const normalized = raw.replace(/\r\n/g, "\n");
  const split = normalized.indexOf("\n\n");
  const headText = split === -1 ? normalized : normalized.slice(0, split);
  const body = split === -1 ? "" : normalized.slice(split + 2);
  const headers: Array<[string, string]> = [];
  for (const line of headText.split("\n")) {
    if (/^[ \t]/.test(line) && headers.length > 0) headers[headers.length - 1]![1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary === undefined) {
    const isHtml = /text\/html/i.test(contentType);
    return { headers, text: isHtml ? "" : body.replace(/\n$/, ""), html: isHtml ? body.replace(/\n$/, "") : undefined };
  }
  let text = "";
  let html: string | undefined;
  for (const section of body.split(`--${boundary}`).slice(1)) {
    if (section.startsWith("--")) break;
    const parsed = parseMime(section.replace(/^\n/, ""));
    if (parsed.html !== undefined) html ??= parsed.html;
    else if (text === "") text = parsed.text.replace(/\n$/, "");
  }
  return { headers, text, html };
}

export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** A comma-separated address header as bare addresses. */
export function addressList(value: string | undefined): string[] {
  if (value === undefined || value.trim() === "") return [];
  return value.split(",").map((item) => bareAddress(item)).filter((item) => item !== "");
}
