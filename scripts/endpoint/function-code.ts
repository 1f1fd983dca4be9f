/**
 * Deployment packages for the HTTP endpoint's CreateFunction: each .zip is unpacked into a folder of its own and its
 * handler module imported, as the Lambda Node.js runtime does (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html):
 * `Handler: "src/app.handler"` is the export `handler` of src/app.js, .mjs or .cjs (in that order); .js is CommonJS
 * unless the package's package.json says `"type": "module"`. A module that is missing or does not export the handler
 * fails each invocation with the runtime's error (Runtime.ImportModuleError, Runtime.HandlerNotFound), not the
 * deployment, as on AWS.
 */
import { mkdtemp, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { LambdaHandler } from "../../sandbox-engine/src/index.ts";
import type { FunctionCode } from "../../sandbox-engine/src/wire/wire-message.ts";

export interface FunctionCodeStore {
  readonly load: (code: FunctionCode) => Promise<LambdaHandler>;
  /** Removes every unpacked package. */
  readonly close: () => Promise<void>;
}

export function functionCodeStore(): FunctionCodeStore {
  let root: Promise<string> | undefined;
  return {
    async load(code) {
      root ??= mkdtemp(join(tmpdir(), "eventlab-functions-"));
      const folder = await mkdtemp(join(await root, "package-"));
      await unpack(code.zipFile, folder);
      return importHandler(folder, code.handler);
    },
    async close() {
      if (root !== undefined) await rm(await root, { recursive: true, force: true });
    },
  };
}

async function unpack(zipFile: Uint8Array, folder: string): Promise<void> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipFile);
  } catch {
    // AWS's answer to a package it cannot open (InvalidParameterValueException).
    throw new Error("Could not unzip uploaded file. Please check your file, then try to upload again.");
  }
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const path = resolve(folder, name);
    if (!path.startsWith(folder + sep)) throw new Error(`The .zip file has an entry outside its folder: ${name}.`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
}

async function importHandler(folder: string, handlerSetting: string): Promise<LambdaHandler> {
  const dot = handlerSetting.lastIndexOf(".");
  const modulePath = handlerSetting.slice(0, dot);
  const exportName = handlerSetting.slice(dot + 1);
  if (dot <= 0 || exportName === "") return failing("Runtime.MalformedHandlerName", `Bad handler ${handlerSetting}: missing module part`);
  let file: string | undefined;
  for (const extension of [".js", ".mjs", ".cjs"]) {
    const candidate = join(folder, modulePath + extension);
    if (await stat(candidate).then((found) => found.isFile(), () => false)) {
      file = candidate;
      break;
    }
  }
  if (file === undefined) return failing("Runtime.ImportModuleError", `Error: Cannot find module '${modulePath}'`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const name = error instanceof SyntaxError ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError";
    return failing(name, String(error));
  }
  const handler = module[exportName] ?? (module.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof handler !== "function") return failing("Runtime.HandlerNotFound", `${handlerSetting} is undefined or not exported`);
  return handler as LambdaHandler;
}

/** A handler whose every invocation fails as the runtime would, with `errorType` `name`. */
function failing(name: string, message: string): LambdaHandler {
  return async () => {
    throw Object.assign(new Error(message), { name });
  };
}
