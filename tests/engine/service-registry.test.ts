import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSandbox, sdkModuleIds, serviceDefinitions } from "sandbox-engine";
import { defaultModules } from "../../sandbox-engine/src/runner/module-map.ts";

/**
 * Everything that lists services derives from the registry (sandbox-engine/src/services.ts). The package
 * exports cannot be generated, so they are checked against it here.
 */
describe("service registry", () => {
  it("exports each service's SDK module as sandbox-engine/aws/<id>, and nothing else under aws/", () => {
    const { exports } = JSON.parse(readFileSync(new URL("../../sandbox-engine/package.json", import.meta.url), "utf8")) as { exports: Record<string, string> };
    const awsExports = Object.fromEntries(Object.entries(exports).filter(([subpath]) => subpath.startsWith("./aws/")));
    expect(awsExports).toEqual(Object.fromEntries(sdkModuleIds.map((id) => [`./aws/${id}`, `./src/aws/${id}.ts`])));
  });

  it("gives the runner each SDK module under both of its ids", () => {
    for (const id of sdkModuleIds) {
      expect(defaultModules[`@aws-sdk/${id}`], id).toBeDefined();
      expect(defaultModules[`@aws-sdk/${id}`]).toBe(defaultModules[`sandbox-engine/aws/${id}`]);
    }
    expect(Object.keys(defaultModules).sort()).toEqual(["sandbox-engine", ...sdkModuleIds.flatMap((id) => [`@aws-sdk/${id}`, `sandbox-engine/aws/${id}`])].sort());
  });

  it("creates every registered service on the sandbox, plus the world", () => {
    const sb = createSandbox();
    for (const { name } of serviceDefinitions) expect(sb[name], name).toBeTypeOf("object");
    expect(serviceDefinitions.map((definition) => definition.name)).toEqual(["sqs", "lambda", "sns", "ses", "apigateway"]);
    expect(sb.world.mailbox("nobody@example.com")).toEqual([]);
  });

  it("reports a service's bad options as a createSandbox error", () => {
    expect(() => createSandbox({ lambda: { accountConcurrency: 5 } })).toThrow(/createSandbox: lambda.accountConcurrency must be a whole number >= 100/);
  });
});
