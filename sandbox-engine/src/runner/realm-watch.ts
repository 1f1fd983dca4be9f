import { guardRealm, moduleExports, type RealmGuard } from "./realm-guard.ts";
import type { ModuleMap } from "./types.ts";

/**
 * When the runner Worker checks which parts of its realm (realm-guard.ts). Checking all of it after every run
 * walked some 18,000 objects, most of them the eight SDK client modules', and took 30 ms of every warm run in
 * Chromium; a run imports one or two of them. So:
 * - after a run: the guard's roots (the globals, chai, the engine) and the modules the run imported;
 * - before a run: the modules its files name that were not checked since the last run. A run that did not import a
 *   module reaches it only through SDK internals, so that module is checked before the next run that uses it;
 * - on import, a module that slipped past the look at the files (an id built at run time) is checked then.
 * A check that finds a change retires the Worker (the caller's job), and the run goes to a fresh one.
 */
export interface RealmWatch {
  /** Before a run, the changes to the modules its files name (ids spelled out in any file), if any. */
  beforeRun(files: Record<string, string>): string[];
  /** A run imports `id`: the changes to its module if it was not checked since the last run; note the import. */
  imported(id: string): string[];
  /** After a run, the changes to the roots and to the modules it imported. */
  afterRun(): string[];
}

/** `moduleOf`: import id ("@aws-sdk/client-sqs", "sandbox-engine/aws/client-sqs") -> the guard's module name. */
export function watchRealm(guard: RealmGuard, moduleOf: Record<string, string>): RealmWatch {
  const ids = Object.keys(moduleOf);
  /** Modules checked since the last run ended: no run since could have changed them. */
  let checked = new Set(guard.modules);
  const imported = new Set<string>();
  const check = (modules: string[]) => {
    const unchecked = modules.filter((name) => !checked.has(name));
    if (!unchecked.length) return [];
    unchecked.forEach((name) => checked.add(name));
    // Only the modules: the roots were checked after the last run and have not been in learner hands since.
    return guard.changes(5, { roots: false, modules: unchecked });
  };
  return {
    beforeRun(files) {
      const sources = Object.values(files);
      imported.clear();
      return check(ids.filter((id) => sources.some((source) => source.includes(id))).map((id) => moduleOf[id]!));
    },
    imported(id) {
      const name = moduleOf[id];
      if (name === undefined) return [];
      imported.add(name);
      return check([name]);
    },
    afterRun() {
      const changes = guard.changes(5, { modules: imported });
      checked = new Set(imported);
      imported.clear();
      return changes;
    },
  };
}

/**
 * The runner's realm guarded and watched: `roots` (globalThis, chai) and the modules of `modules` whose ids are in
 * `rootIds` are checked after every run; the other modules as `watchRealm` says. Ids that alias one namespace
 * ("sandbox-engine/aws/client-sqs" and "@aws-sdk/client-sqs") are one module, named by the id learners write.
 */
export function guardRunnerRealm(roots: Record<string, unknown>, modules: ModuleMap, rootIds: readonly string[] = ["sandbox-engine"]) {
  const nameOf = new Map<object, string>();
  for (const [id, namespace] of Object.entries(modules)) {
    if (!rootIds.includes(id) && (!nameOf.has(namespace) || id.startsWith("@"))) nameOf.set(namespace, id);
  }
  const moduleOf = Object.fromEntries(Object.entries(modules).flatMap(([id, namespace]) => (nameOf.has(namespace) ? [[id, nameOf.get(namespace)!]] : [])));
  const guard = guardRealm(
    { ...roots, ...moduleExports(Object.fromEntries(rootIds.map((id) => [id, modules[id]!]))) },
    moduleExports(Object.fromEntries([...nameOf].map(([namespace, name]) => [name, namespace]))),
  );
  return { guard, watch: watchRealm(guard, moduleOf) };
}
