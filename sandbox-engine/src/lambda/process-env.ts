/**
 * `process.env` for handlers: "Lambda ... makes [environment variables] available to your function code"
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), with the runtime's own
 * AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, ... beside the function's Environment.Variables.
 *
 * The sandbox runs every function in one JavaScript realm, so it cannot give each its own process. While
 * any invocation runs, `process.env` is a view: a key reads the running invocation's variables, else what
 * `process.env` held before (Node's real environment under vitest; nothing in the browser Worker, which has
 * no `process`, so there `globalThis.process` exists only while an invocation runs). When no invocation
 * runs, `process` is exactly as it was.
 *
 * Concurrent invocations of different functions are kept apart by the rule the logs use (logs.ts): a
 * handler's synchronous part sees its own variables exactly; after an `await` it sees those of the most
 * recently started invocation still running. Reading `process.env` at the start of the handler is therefore
 * always right; an invocation that reads it after an await while another function's invocation started
 * meanwhile may see that function's values. The common case, one invocation at a time, is always right.
 * Writes go to the invocation's own copy. Unlike AWS, module-level code runs outside any invocation here
 * (the module is loaded before the function is created), so it does not see the variables.
 */
/** A running invocation as this view needs it (logs.ts's LogSink). */
interface Invocation {
  readonly variables?: Readonly<Record<string, string>>;
}

type Env = Record<string, string | undefined>;
interface ProcessLike {
  env: Env;
}

let restore: (() => void) | undefined;

function overlay(base: Env, active: () => Invocation | undefined): Env {
  const own = (key: string | symbol): Readonly<Record<string, string>> | undefined => {
    const variables = active()?.variables;
    return typeof key === "string" && variables !== undefined && Object.hasOwn(variables, key) ? variables : undefined;
  };
  return new Proxy(base, {
    get: (target, key) => own(key)?.[key as string] ?? Reflect.get(target, key),
    has: (target, key) => own(key) !== undefined || Reflect.has(target, key),
    set: (target, key, value) => {
      const variables = active()?.variables as Record<string, string> | undefined;
      if (variables !== undefined && typeof key === "string" && !Object.isFrozen(variables)) {
        variables[key] = String(value);
        return true;
      }
      return Reflect.set(target, key, value);
    },
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...Object.keys(active()?.variables ?? {})])],
    getOwnPropertyDescriptor: (target, key) => {
      const variables = own(key);
      if (variables !== undefined) return { value: variables[key as string], writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** Installs the view (the first invocation starts). */
export function showProcessEnv(active: () => Invocation | undefined): void {
  if (restore !== undefined) return;
  const scope = globalThis as { process?: ProcessLike };
  try {
    const existing = scope.process;
    if (existing !== undefined && typeof existing === "object" && existing !== null) {
      const base = existing.env;
      existing.env = overlay(base, active);
      restore = () => {
        existing.env = base;
      };
    } else {
      Object.defineProperty(globalThis, "process", { value: { env: overlay({}, active) }, configurable: true, writable: true });
      restore = () => {
        delete (globalThis as { process?: unknown }).process;
      };
    }
  } catch {
    // A realm where `process` cannot be changed: handlers see no variables, as before.
    restore = () => {};
  }
}

/** Removes it (the last invocation ended). */
export function hideProcessEnv(): void {
  restore?.();
  restore = undefined;
}
