/**
 * Import rules, checked by `npm test` (npm run lint:deps): no cycles, and the engine's layering
 * (sandbox-engine/README.md, "Layers"). Each rule's comment is what a violation means.
 * @type {import("dependency-cruiser").IConfiguration}
 */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const SERVICES = "(sqs|sns|lambda|apigateway)";
/** The engine's public entry points: the files its package.json exports (sandbox-engine, sandbox-engine/runner, ...). */
const ENGINE_ENTRY_POINTS = Object.values(JSON.parse(readFileSync(join(__dirname, "sandbox-engine/package.json"), "utf8")).exports).map(
  (target) => `^sandbox-engine/${target.replace(/^\.\//, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and modules impossible to understand alone: break the cycle (move the shared piece down).",
      from: {},
      to: { circular: true },
    },
    {
      name: "service-not-sdk-facing",
      severity: "error",
      comment:
        "A service model (its state and operations) must not import anything SDK-facing: the SDK modules (src/aws), any wire adapter, the real @aws-sdk packages, the harness or the runner. Those call the service, never the other way round.",
      from: { path: `^sandbox-engine/src/(${SERVICES.slice(1, -1)}|core|world|iam|trace|clock|random)/`, pathNot: "/wire/" },
      to: { path: ["^sandbox-engine/src/(aws|harness|runner|wire)/", "/wire/", "node_modules/@aws-sdk/", "node_modules/@smithy/"] },
    },
    {
      name: "core-imports-no-service",
      severity: "error",
      comment: "core/ is what every service shares; it must not depend on any service (nor on the registry that lists them).",
      from: { path: "^sandbox-engine/src/core/" },
      to: { path: [`^sandbox-engine/src/${SERVICES}/`, "^sandbox-engine/src/(services|sandbox|sdk-modules)\\.ts$"] },
    },
    {
      name: "services-talk-through-the-router",
      severity: "error",
      comment:
        "A service reaches another only through core/delivery.ts (the router) or, for reading, the other service's public service module and types: not its operations or internal state.",
      from: { path: `^sandbox-engine/src/${SERVICES}/` },
      to: {
        path: `^sandbox-engine/src/${SERVICES}/`,
        pathNot: [
          "^sandbox-engine/src/$1/",
          `^sandbox-engine/src/${SERVICES}/[a-z]+-(service|types)\\.ts$`,
          "^sandbox-engine/src/sqs/queue-address\\.ts$",
        ],
      },
    },
    {
      name: "site-uses-public-engine-entry-points",
      severity: "error",
      comment: "The site's browser code imports the engine only through its package entry points (the exports of sandbox-engine/package.json).",
      from: { path: "^src/client/" },
      to: { path: "^sandbox-engine/src/", pathNot: ENGINE_ENTRY_POINTS },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "\\.astro/", "dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"], extensions: [".ts", ".js", ".mjs"] },
  },
};
