import { formatTaskError, isInstance, toTaskError } from "../harness/index.ts";
import { transpile, TranspileError } from "./transpile.ts";

/**
 * A CommonJS loader over the run's files. Learner and test modules are transpiled by sucrase to
 * `require` / `exports`, then evaluated as `function (require, module, exports, console)`.
 *
 * Evaluation uses an indirect eval of a function expression that starts on the code's first line,
 * not `new Function(...)`: V8 puts two lines of its own before a `new Function` body, which would
 * shift every line number in stack traces; here line N of the file is line N of the script.
 * Either way the Worker's CSP must allow 'unsafe-eval'.
 */

export class ModuleLoadError extends Error {
  override name = "ModuleLoadError";
  readonly file: string;
  constructor(file: string, cause: unknown, isUserFile?: (file: string) => boolean) {
    super(`${file}: ${formatTaskError(toTaskError(cause, isUserFile))}`, { cause });
    this.file = file;
  }
}

export interface ModuleLoaderOptions {
  /** Path -> source, as in the run request. */
  files: Record<string, string>;
  /** Bare id -> exports (already shaped for sucrase's interop helpers). */
  builtins: Record<string, unknown>;
  console: unknown;
}

export interface ModuleLoader {
  /** Load a file of the run (a path exactly as in `files`) and return its exports. */
  load(file: string): unknown;
}

interface ModuleRecord {
  exports: unknown;
}

type ModuleFunction = (require: (id: string) => unknown, module: ModuleRecord, exports: unknown, console: unknown) => void;

const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".js", ".json", "/index.ts", "/index.js"];

export function createModuleLoader(options: ModuleLoaderOptions): ModuleLoader {
  const files = new Map<string, string>();
  for (const [path, source] of Object.entries(options.files)) files.set(normalize(path) ?? path, source);
  const cache = new Map<string, ModuleRecord>();
  const isUserFile = (file: string) => files.has(file);

  function resolve(id: string, from: string): string | undefined {
    if (!id.startsWith("./") && !id.startsWith("../") && !id.startsWith("/")) return undefined;
    const base = id.startsWith("/") ? id.slice(1) : joinPath(dirname(from), id);
    const path = normalize(base);
    if (path === undefined) return undefined;
    // TypeScript's ESM style imports "./x.js" for "./x.ts".
    const candidates = RESOLVE_SUFFIXES.map((suffix) => path + suffix);
    if (/\.js$/.test(path)) candidates.push(path.replace(/\.js$/, ".ts"));
    return candidates.find((candidate) => files.has(candidate));
  }

  function requireFrom(from: string) {
    return (id: string): unknown => {
      if (typeof id !== "string") throw new TypeError(`require() needs a module name, got ${typeof id}`);
      if (Object.prototype.hasOwnProperty.call(options.builtins, id)) return options.builtins[id];
      const path = resolve(id, from);
      if (path === undefined) throw new Error(unknownModule(id, from));
      return loadPath(path);
    };
  }

  function unknownModule(id: string, from: string): string {
    const available = [...Object.keys(options.builtins), ...[...files.keys()].map((f) => `./${f}`)];
    return `Cannot find module "${id}" imported from ${from}. Available modules: ${available.join(", ")}.`;
  }

  function loadPath(path: string): unknown {
    const cached = cache.get(path);
    // A module that is still loading hands out its partial exports: cycles behave as in CommonJS.
    if (cached) return cached.exports;
    const record: ModuleRecord = { exports: {} };
    cache.set(path, record);
    try {
      const code = transpile(path, files.get(path)!);
      const fn = evaluate(code);
      fn(requireFrom(path), record, record.exports, options.console);
    } catch (error) {
      cache.delete(path);
      // Name the innermost module that failed, once: the one whose code threw.
      throw isInstance(error, ModuleLoadError) || isInstance(error, TranspileError) ? error : new ModuleLoadError(path, error, isUserFile);
    }
    return record.exports;
  }

  return {
    load(file) {
      const path = normalize(file) ?? file;
      if (!files.has(path)) throw new Error(`No file "${file}" in this run. Files: ${[...files.keys()].join(", ")}.`);
      return loadPath(path);
    },
  };
}

function evaluate(code: string): ModuleFunction {
  const indirectEval = globalThis.eval;
  // `code` ends with its `//# sourceURL` comment; the closing lines follow it.
  return indirectEval(`(function (require, module, exports, console) {${code}\n})`) as ModuleFunction;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function joinPath(dir: string, id: string): string {
  return dir ? `${dir}/${id}` : id;
}

/** "./lib/../a.ts" -> "a.ts"; undefined when the path climbs above the run's root. */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}
