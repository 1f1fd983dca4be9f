import { build, type Plugin as EsbuildPlugin } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const virtualId = "virtual:eventlab/runner-worker-source";
const resolvedId = `\0${virtualId}`;

/**
 * Bundles the runner Worker (learner code's sandbox) into one self-contained script and exposes it as a string
 * module. The page hands that string to an opaque-origin iframe, which starts the Worker from a blob: URL; a
 * URL of this site could not be used there, since an opaque origin may not start a Worker from another origin.
 * Bundling with esbuild here makes `astro dev` and `astro build` serve the very same worker.
 */
export function runnerWorkerPlugin(entry: URL): Plugin {
  const entryPath = fileURLToPath(entry);
  return {
    name: "eventlab-runner-worker",
    resolveId: (id) => (id === virtualId ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      const result = await bundleRunnerWorker(entryPath);
      for (const input of result.inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(result.code)};`;
    },
  };
}

/** The runner Worker as one IIFE script, plus the files it was built from (for watch mode). */
export async function bundleRunnerWorker(entryPath: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [workerXmlParser],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const inputs = Object.keys(result.metafile.inputs).map((input) => fileURLToPath(new URL(input, `file://${process.cwd()}/`)));
  return { code, inputs };
}

/**
 * The AWS SDK's browser build parses XML (SNS's Query protocol) with DOMParser, which a Web Worker does not have;
 * its Node build has a parser of its own in plain JavaScript. The worker takes that one.
 */
const workerXmlParser: EsbuildPlugin = {
  name: "aws-sdk-xml-parser-in-worker",
  setup(build) {
    build.onResolve({ filter: /^\.\/xml-parser$/ }, (args) =>
      args.importer.includes(join("@aws-sdk", "xml-builder")) ? { path: join(dirname(args.importer), "xml-parser.js") } : undefined,
    );
  },
};
