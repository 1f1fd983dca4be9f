import type { EngineKit } from "./engine-kit.ts";

/** One exercise file as the page holds it: the learner's current text, a read-only file, or a test. */
export interface ProjectFile {
  name: string;
  source: string;
  role: "editable" | "read-only" | "test";
}

export interface ProjectInput {
  /** `module/slug`, e.g. `sqs/first-consumer`. */
  id: string;
  title: string;
  summary: string;
  /** The learner's files (current drafts of the editable ones), the read-only files and the tests. */
  files: ProjectFile[];
  kit: EngineKit;
}

/** A project as paths (relative, `/`-separated) to file text: what the zip holds and what a WebContainer mounts. */
export type ProjectTree = Record<string, string>;

/** The folder the kit goes into, and the file: dependency that points at it. */
export const engineFolder = "sandbox-engine";

/**
 * An exercise as an ordinary Node project that real vitest grades, with the same verdict per test as the in-page
 * runner: the learner's files and the tests side by side in `src/` (their relative imports stay as they are), the
 * packed sandbox-engine as a local dependency, and a vitest config that resolves the `@aws-sdk/client-*` ids
 * the exercise imports to sandbox-engine's SDK modules, as the runner does.
 */
export function buildProjectTree(input: ProjectInput): ProjectTree {
  const tree: ProjectTree = {};
  for (const file of input.files) tree[`src/${file.name}`] = file.source;
  for (const [path, text] of Object.entries(input.kit.files)) tree[`${engineFolder}/${path}`] = text;
  tree["package.json"] = projectPackageJson(input);
  tree["vitest.config.mjs"] = vitestConfig(input.kit.sdkIds);
  tree[sandboxFetchSetup.file] = sandboxFetchSetup.source;
  tree["tsconfig.json"] = tsconfig();
  tree[".gitignore"] = "node_modules/\n";
  tree["README.md"] = readme(input);
  return tree;
}

/**
 * A vitest setup file: the global `fetch` answers the sandbox's API Gateway URLs (execute-api) as it does in the
 * page's runner, so learner code that calls its API with `fetch` gets the same verdicts under real vitest.
 */
export const sandboxFetchSetup = {
  file: "sandbox-fetch.setup.mjs",
  source: [
    "// The global fetch answers the simulated API Gateway URLs (https://{api}.execute-api.{region}.amazonaws.com/...)",
    "// as it does on the course page; every other URL goes to Node's own fetch.",
    'import { installSandboxFetch } from "sandbox-engine";',
    "",
    "installSandboxFetch();",
    "",
  ].join("\n"),
};

/** `sqs/first-consumer` -> `eventlab-sqs-first-consumer`: a valid npm name, also the folder name of the zip. */
export function projectName(id: string): string {
  return `eventlab-${id.replace(/[^a-z0-9-]+/g, "-")}`;
}

function projectPackageJson(input: ProjectInput): string {
  const manifest = {
    name: projectName(input.id),
    version: "1.0.0",
    private: true,
    description: `EventLab exercise: ${input.title}`,
    type: "module",
    scripts: { test: "vitest run", "test:watch": "vitest" },
    dependencies: { [engineFolder]: `file:./${engineFolder}` },
    devDependencies: { vitest: input.kit.vitestRange, "@types/aws-lambda": input.kit.lambdaTypesRange },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The learner's `@aws-sdk/client-x` becomes `sandbox-engine/aws/client-x`. sandbox-engine's own modules keep the
 * id: they may import the real SDK package under it, and aliasing them would loop.
 */
function vitestConfig(sdkIds: string[]): string {
  const aliases = Object.fromEntries(sdkIds.map((id) => [id, id.replace("@aws-sdk/", `${engineFolder}/aws/`)]));
  return [
    "// The exercise's @aws-sdk/client-* imports run against sandbox-engine, the simulated cloud the course grades with.",
    `const aliases = ${JSON.stringify(aliases, null, 2)};`,
    "",
    "export default {",
    "  plugins: [",
    "    {",
    '      name: "eventlab-aws-sdk-ids",',
    '      enforce: "pre",',
    "      resolveId(id, importer) {",
    `        if (!Object.hasOwn(aliases, id) || (importer ?? "").replaceAll("\\\\", "/").includes("/${engineFolder}/dist/")) return null;`,
    "        return this.resolve(aliases[id], importer, { skipSelf: true });",
    "      },",
    "    },",
    "  ],",
    `  test: { include: ["src/**/*.test.ts"], setupFiles: ["./${sandboxFetchSetup.file}"] },`,
    "};",
    "",
  ].join("\n");
}

/**
 * For an editor. The learner's `@aws-sdk/client-*` imports find the real SDK's types: npm installs those packages
 * with sandbox-engine, whose client modules keep the SDK's class names and types.
 */
function tsconfig(): string {
  const config = {
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
    },
    include: ["src"],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function readme(input: ProjectInput): string {
  const files = input.files.filter((file) => file.role !== "test").map((file) => `- \`src/${file.name}\`${file.role === "editable" ? " (yours to edit)" : ""}`);
  const tests = input.files.filter((file) => file.role === "test").map((file) => `- \`src/${file.name}\``);
  return `# ${input.title}

${input.summary}

This is the EventLab exercise \`${input.id}\` as an ordinary Node project, with your code as it was when you
downloaded it. Real vitest grades it, against the same simulated AWS cloud (sandbox-engine) the course page uses,
so each test gets the same verdict here as on the page.

## Run it

You need Node.js 22 or newer.

\`\`\`sh
npm install
npx vitest run      # once
npx vitest          # again on every save
\`\`\`

## What is here

${files.join("\n")}

The tests:

${tests.join("\n")}

- \`${engineFolder}/\`: the simulator, built JavaScript and type declarations. Your code imports
  \`@aws-sdk/client-sqs\` (and the other clients) as on AWS; \`vitest.config.mjs\` points those imports at
  \`${engineFolder}/aws/client-*\`, which give every client the sandbox's region, test credentials and an in-memory
  connection to the simulated cloud. Nothing leaves your machine.
- \`${sandboxFetchSetup.file}\`: makes \`fetch\` answer the simulated API Gateway URLs
  (\`https://{api}.execute-api.us-east-1.amazonaws.com/...\`) as on the course page.
`;
}
