/**
 * Import rules, checked by `npm test` (npm run lint:deps): no cycles, and the engine's layering
 * (sandbox-engine/README.md, "Layers"). Each rule's comment is what a violation means.
 * @type {import("dependency-cruiser").IConfiguration}
 */
const SERVICES = "(sqs|sns|lambda|apigateway)";

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
      comment: "The site's browser code imports the engine only through its package entry points (sandbox-engine, sandbox-engine/runner, sandbox-engine/harness, sandbox-engine/aws/client-*).",
      from: { path: "^src/client/" },
      to: {
        path: "^sandbox-engine/src/",
        pathNot: "^sandbox-engine/src/(index\\.ts|runner/index\\.ts|harness/index\\.ts|aws/client-[a-z0-9-]+\\.ts)$",
      },
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
