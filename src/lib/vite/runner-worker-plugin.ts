import { build, type Plugin as EsbuildPlugin } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** Virtual module id -> what it bundles. */
const bundles = {
  "virtual:eventlab/runner-worker-source": "worker",
  "virtual:eventlab/runner-frame-source": "frame",
} as const;
type BundleName = (typeof bundles)[keyof typeof bundles];

/**
 * Bundles the runner's two scripts into self-contained strings: the Worker (learner code's sandbox) and the relay
 * of the sandboxed iframe that starts Workers and checks their messages. The page hands both to an opaque-origin
 * iframe, which inlines the relay and starts Workers from a blob: URL; a URL of this site could not be used there,
 * since an opaque origin may not start a Worker from another origin. Bundling with esbuild here makes `astro dev`
 * and `astro build` serve the very same scripts. The relay defaults to `frame-relay.ts` beside the Worker entry.
 */
export function runnerWorkerPlugin(workerEntry: URL, frameEntry: URL = new URL("./frame-relay.ts", workerEntry)): Plugin {
  const entries: Record<BundleName, string> = { worker: fileURLToPath(workerEntry), frame: fileURLToPath(frameEntry) };
  return {
    name: "eventlab-runner-worker",
    resolveId: (id) => (id in bundles ? `\0${id}` : undefined),
    async load(id) {
      const name = id.startsWith("\0") ? bundles[id.slice(1) as keyof typeof bundles] : undefined;
      if (!name) return undefined;
      const result = await bundleRunnerWorker(entries[name]);
      for (const input of result.inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(result.code)};`;
    },
  };
}

/** One runner script as an IIFE, plus the files it was built from (for watch mode). */
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
