import * as engine from "../index.ts";
import { sdkModules } from "../sdk-modules.ts";
import type { ModuleMap } from "./types.ts";

/**
 * The bare module ids learner and test code may import, and the sandbox-engine modules they resolve
 * to, derived from the service registry (services.ts, sdk-modules.ts): "sandbox-engine", and each
 * service's SDK module under both "sandbox-engine/aws/<id>" and "@aws-sdk/<id>" (DESIGN.md).
 */
export const defaultModules: ModuleMap = {
  "sandbox-engine": engine,
  ...Object.fromEntries(
    Object.entries(sdkModules).flatMap(([id, module]) => [
      [`sandbox-engine/aws/${id}`, module],
      [`@aws-sdk/${id}`, module],
    ]),
  ),
};
