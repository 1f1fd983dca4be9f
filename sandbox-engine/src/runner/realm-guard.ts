/**
 * Runs must not touch each other (issue 16): a run that changes a built-in (`Object.prototype.then = ...`), a
 * global (`globalThis.structuredClone = ...`) or something the engine exports (`SQSClient.prototype.send = ...`)
 * would change what every later run in the same Worker sees. The guard takes a snapshot of everything reachable
 * from its roots when the Worker is clean, and after each run says what differs; the Worker then retires and a
 * fresh one takes the next run.
 *
 * The snapshot holds, per reachable object, its prototype, extensibility and every own property's descriptor
 * (values compared with Object.is, accessors by identity). It does not look inside values that are not objects'
 * properties (a Map's entries, closures): those belong to modules, which load fresh in every run.
 *
 * Two kinds of roots: `roots` are checked by every `changes()`; `modules` (the SDK's client modules, some 17,000
 * objects in all) only when named, so a run is checked for the modules it imported and not for the other seven
 * (realm-watch.ts decides which). Each module's objects are those it reaches that the roots do not: whatever the
 * roots reach is checked every time anyway.
 */

interface ObjectRecord {
  readonly object: object;
  readonly path: string;
  readonly prototype: object | null;
  readonly extensible: boolean;
  readonly keys: readonly (string | symbol)[];
  readonly descriptors: readonly PropertyDescriptor[];
}

/** What a check covers: the roots (by default) and the modules named (by default, every one). */
export interface RealmScope {
  readonly roots?: boolean;
  readonly modules?: Iterable<string>;
}

export interface RealmGuard {
  /** What changed since the snapshot, in words ("Object.prototype.then was added"); empty when nothing did. */
  changes(limit?: number, scope?: RealmScope): string[];
  /** How many objects the guard watches (frozen ones need no watching), with every module. */
  readonly size: number;
  /** How many objects a check of these modules (and the roots) walks. */
  sizeWith(modules: Iterable<string>): number;
  /** The modules' names, as given. */
  readonly modules: readonly string[];
}

/**
 * `roots`: name -> object, e.g. `{ globalThis, "sandbox-engine": engine }`, checked every time; `modules`: name ->
 * object, checked when named.
 */
export function guardRealm(roots: Record<string, unknown>, modules: Record<string, unknown> = {}): RealmGuard {
  // Read through captured functions: a run may replace Reflect.ownKeys or Object.is, but not these references.
  const { ownKeys: allOwnKeys, getOwnPropertyDescriptor, getPrototypeOf, isExtensible } = Reflect;
  const { keyFor } = Symbol;
  const { startsWith } = String.prototype;
  // The AWS SDK memoizes on its own schema objects under registered symbols (Symbol.for("@smithy/ns"), ...): caches
  // it fills the first time a command is used, the same in every run, that learner code does not see. They are not
  // watched (so a run could still plant one before the SDK does: a known limit, for code that knows SDK internals).
  const sdkCache = (key: string | symbol) => {
    const registered = typeof key === "symbol" ? keyFor(key) : undefined;
    return registered !== undefined && (startsWith.call(registered, "@smithy/") || startsWith.call(registered, "@aws-sdk/"));
  };
  const ownKeys = (value: object) => allOwnKeys(value).filter((key) => !sdkCache(key));
  const { is, isFrozen } = Object;
  const records = new Map<object, ObjectRecord>();
  /** Objects whose reach is already covered by a walk: the roots' for every module, the module's own for itself. */
  const rootsReach = new Set<object>();

  /**
   * Breadth first, and through properties before prototypes, so each object gets its familiar name
   * ("Object.prototype", not "modules.[[Prototype]]"). Returns the records of the unfrozen objects it reached,
   * stopping at what `skip` holds.
   */
  const walk = (from: Record<string, unknown>, seen: Set<object>, skip?: Set<object>): ObjectRecord[] => {
    const reached: ObjectRecord[] = [];
    const queue: [unknown, string][] = Object.entries(from).map(([name, value]) => [value, name]);
    const prototypes: [unknown, string][] = [];
    for (let next = 0; next < queue.length || prototypes.length; next++) {
      if (next === queue.length) queue.push(...prototypes.splice(0));
      const [value, path] = queue[next]!;
      if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value) || skip?.has(value)) continue;
      seen.add(value);
      let record = records.get(value);
      // A frozen object cannot change (no property can be added, removed, redefined or written), so only what its
      // properties point to needs watching. With frozen built-ins this leaves the globals and the host's objects.
      if (!record && !isFrozen(value)) {
        const keys = ownKeys(value);
        record = { object: value, path, prototype: getPrototypeOf(value), extensible: isExtensible(value), keys, descriptors: keys.map((key) => getOwnPropertyDescriptor(value, key)!) };
        records.set(value, record);
      }
      if (record) reached.push(record);
      const keys = record ? record.keys : ownKeys(value);
      keys.forEach((key, index) => {
        const descriptor = record ? record.descriptors[index]! : getOwnPropertyDescriptor(value, key)!;
        const at = `${path}.${String(key)}`;
        if ("value" in descriptor) queue.push([descriptor.value, at]);
        else queue.push([descriptor.get, `${at} (getter)`], [descriptor.set, `${at} (setter)`]);
      });
      prototypes.push([record ? record.prototype : getPrototypeOf(value), `${path}.[[Prototype]]`]);
    }
    return reached;
  };
  const always = walk(roots, rootsReach);
  const moduleRecords = new Map(Object.entries(modules).map(([name, value]) => [name, walk({ [name]: value }, new Set(), rootsReach)]));
  const allModules = [...moduleRecords.keys()];

  const checked = (names: Iterable<string>, withRoots = true): Set<ObjectRecord> => {
    const set = new Set(withRoots ? always : []);
    for (const name of names) {
      const list = moduleRecords.get(name);
      if (!list) throw new Error(`The realm guard has no module "${name}". Modules: ${allModules.join(", ")}.`);
      for (const record of list) set.add(record);
    }
    return set;
  };

  const same = (a: PropertyDescriptor, b: PropertyDescriptor | undefined) =>
    b !== undefined &&
    is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable;

  return {
    size: records.size,
    modules: allModules,
    sizeWith: (names) => checked(names).size,
    changes(limit = 5, { roots = true, modules = allModules } = {}) {
      const found: string[] = [];
      for (const record of checked(modules, roots)) {
        if (found.length >= limit) break;
        const { object } = record;
        const name = readable(record.path);
        if (getPrototypeOf(object) !== record.prototype) found.push(`${name} has a different prototype`);
        if (isExtensible(object) !== record.extensible) found.push(`${name} was made non-extensible`);
        const keys = ownKeys(object);
        const unchangedShape = keys.length === record.keys.length && keys.every((key, index) => key === record.keys[index]);
        if (unchangedShape) {
          keys.forEach((key, index) => {
            if (!same(getOwnPropertyDescriptor(object, key)!, record.descriptors[index])) found.push(`${name}.${String(key)} was changed`);
          });
          continue;
        }
        const before = new Set(record.keys);
        const after = new Set(keys);
        for (const key of keys) if (!before.has(key)) found.push(`${name}.${String(key)} was added`);
        for (const key of record.keys) if (!after.has(key)) found.push(`${name}.${String(key)} was deleted`);
        record.keys.forEach((key, index) => {
          if (after.has(key) && !same(getOwnPropertyDescriptor(object, key)!, record.descriptors[index])) found.push(`${name}.${String(key)} was changed`);
        });
      }
      return found.slice(0, limit);
    },
  };
}

/** "globalThis.Object.prototype" reads as "Object.prototype". */
function readable(path: string): string {
  return path.startsWith("globalThis.") ? path.slice("globalThis.".length) : path;
}

/**
 * Module namespaces as plain objects of their current values, to guard what they export. Bundlers (esbuild in the
 * Worker) and vite expose a namespace's exports as getters, which the guard does not call, so it would not reach
 * the exported classes and their prototypes through the namespace itself.
 */
export function moduleExports(modules: Record<string, object>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(modules).map(([id, namespace]) => [id, { ...namespace }]));
}
