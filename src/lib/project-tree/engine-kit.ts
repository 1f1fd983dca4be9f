/**
 * sandbox-engine as a standalone project receives it: built JavaScript, its type declarations and a package.json
 * whose `exports` name the same subpaths as the workspace package (`sandbox-engine`,
 * `sandbox-engine/aws/client-<service>`). Made at build time by `scripts/workshop/engine-kit.ts`, served as JSON so
 * the browser can put it in a downloaded project.
 */
export interface EngineKit {
  /** Paths inside the kit folder (`package.json`, `dist/index.js`, `types/index.d.ts`, ...) to their text. */
  files: Record<string, string>;
  /** The `@aws-sdk/client-*` ids the kit serves, e.g. `@aws-sdk/client-sqs`, each at `sandbox-engine/aws/client-*`. */
  sdkIds: string[];
  /** The version range of vitest the course grades with; the project's package.json asks for the same. */
  vitestRange: string;
  /** The version range of @types/aws-lambda, whose event types learner handlers import (`import type ... from "aws-lambda"`). */
  lambdaTypesRange: string;
}

/** Where the site serves the kit (built by src/pages/project-kit/sandbox-engine.json.ts). */
export const engineKitPath = "project-kit/sandbox-engine.json";
