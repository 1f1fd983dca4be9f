import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

export const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
};

/**
 * How long a browser may keep a file. Vite names what it emits under `_astro/` by a hash of the content, so those
 * never change and are kept for a year; everything else (pages, the service worker, search index, the project kit)
 * keeps its name across builds and is revalidated on each request, so a new build reaches the room at once.
 */
export function cacheControl(path: string): string {
  return path.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Pages under this path run WebContainer, which needs cross-origin isolation; no other page gets these headers. */
export const nodeRunPath = "/run-in-node/";

/**
 * Cross-origin isolation for the "Run in Node" pages only (WebContainer needs SharedArrayBuffer): the lesson pages
 * and the sandboxed runner keep working as they do without it.
 */
export function isolationHeaders(path: string): Record<string, string> {
  return path.startsWith(nodeRunPath) ? { "cross-origin-embedder-policy": "require-corp", "cross-origin-opener-policy": "same-origin" } : {};
}

/**
 * Serves `root` (the built site) for GET and HEAD: `/path/` -> `/path/index.html`, a 404 page for the rest,
 * never a file outside `root`. ETag and Last-Modified let a revalidating browser get a 304.
 */
export async function serveSiteFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("bad path");
    return;
  }
  let file = normalize(join(root, path));
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    response.writeHead(403).end();
    return;
  }
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file);
    }
  } catch {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    return;
  }
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
    "cache-control": cacheControl(path),
    etag,
    "last-modified": info.mtime.toUTCString(),
    "x-content-type-options": "nosniff",
    ...isolationHeaders(path),
  };
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, "content-length": String(info.size) });
  if (request.method === "HEAD") response.end();
  else createReadStream(file).pipe(response);
}
