import { transform, type Transform } from "sucrase";

/**
 * TypeScript -> CommonJS with sucrase. Sucrase keeps every line where it was (its output has the
 * same line count), so stack traces and syntax errors point at the learner's own lines without
 * source maps. The `//# sourceURL` makes stacks name the file ("consumer.ts:12:5").
 */

export class TranspileError extends Error {
  override name = "TranspileError";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column} ${reason}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Test files rarely change between runs; the learner's file changes on every run. */
const CACHE_LIMIT = 64;
const cache = new Map<string, string>();

export function transpile(file: string, source: string): string {
  const key = `${file}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Refresh its place: Map iteration order is insertion order, so the first key is the oldest.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const code = compile(file, source);
  cache.set(key, code);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return code;
}

function compile(file: string, source: string): string {
  if (file.endsWith(".json")) {
    try {
      JSON.parse(source);
    } catch (error) {
      throw new TranspileError(file, 1, 1, (error as Error).message);
    }
    return `module.exports = ${source};\n//# sourceURL=${file}`;
  }
  const transforms: Transform[] = /\.[mc]?js$/.test(file) ? ["imports"] : ["typescript", "imports"];
  try {
    const { code } = transform(source, { transforms, filePath: file });
    return `${code}\n//# sourceURL=${file}`;
  } catch (error) {
    throw toTranspileError(file, error);
  }
}

/** Sucrase says "Error transforming consumer.ts: Unexpected token (3:14)" with `loc` = { line, column }. */
function toTranspileError(file: string, error: unknown): TranspileError {
  const e = error as { message?: unknown; loc?: { line?: unknown; column?: unknown } };
  const message = typeof e?.message === "string" ? e.message : String(error);
  const reason = message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)\s*$/, "");
  const line = typeof e?.loc?.line === "number" ? e.loc.line : 1;
  const column = typeof e?.loc?.column === "number" ? e.loc.column : 1;
  return new TranspileError(file, line, column, reason);
}
