/// <reference lib="webworker" />
import "ses";

/**
 * Freezes JavaScript's built-ins in the runner Worker with Hardened JavaScript's `lockdown()` (the `ses` package),
 * so no run can change what the next run sees through them (issue 16: `Object.prototype.then = ...` hung every
 * later run; `Object.prototype.status = "pass"` failed the next correct one). A write to a frozen built-in throws a
 * TypeError that the harness explains to the learner (errors.ts, `explainFrozenBuiltIn`); the realm guard
 * (sandbox-engine/src/runner/realm-guard.ts) still watches what lockdown leaves alone: the globals, the browser's
 * own objects and the engine's exports.
 *
 * Measured against detecting a changed realm after each run and replacing the Worker, on warm Run -> verdict, the
 * two cost the same; lockdown also keeps the run that tries the change working, with a clear error, instead of
 * breaking the runner under it. Call it after every module of the Worker has loaded: their set-up may still
 * touch the built-ins.
 *
 * Options: everything a learner and the harness rely on stays as in a normal Worker: full error stacks (locations
 * in the learner's files), eval (the module loader), locale methods (messages like vitest's in Node), console.
 * Error and rejection trapping are off: the runner reports errors itself.
 */
export function hardenBuiltIns(): void {
  lockdown({
    errorTaming: "unsafe",
    stackFiltering: "verbose",
    consoleTaming: "unsafe",
    localeTaming: "unsafe",
    evalTaming: "unsafe-eval",
    errorTrapping: "none",
    unhandledRejectionTrapping: "none",
    reporting: "none",
  });
}

/**
 * Globals the engine itself writes to: it wraps `console`'s methods while a Lambda handler runs, to copy its
 * output into the function's log stream. The realm guard watches them instead.
 */
const writableGlobals = new Set(["console"]);

/**
 * The global object's properties that ECMAScript defines: lockdown() has dealt with these, and leaves a few open on
 * purpose (the start compartment's Error keeps a settable stackTraceLimit, which @vitest/utils sets).
 */
const ecmaScriptGlobals = new Set(
  (
    "globalThis Infinity NaN undefined eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI " +
    "encodeURIComponent escape unescape AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array " +
    "Boolean DataView Date Error EvalError FinalizationRegistry Float16Array Float32Array Float64Array Function " +
    "Int8Array Int16Array Int32Array Intl Iterator JSON Map Math Number Object Promise Proxy RangeError ReferenceError " +
    "Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray Uint16Array " +
    "Uint32Array URIError WeakMap WeakRef WeakSet DisposableStack AsyncDisposableStack SuppressedError " +
    "lockdown harden Compartment assert"
  ).split(" "),
);

/**
 * Freezes the browser's own objects as well (MessagePort, TextEncoder, performance, ... with their prototypes):
 * the simulator relies on some of them (its clock's macrotask is a MessageChannel), and lockdown() leaves them
 * alone. The global object itself stays open, for the runner's own set-up and because learner code may declare
 * globals; the realm guard watches it. Call it once the Worker's channel is sealed: sealing redefines properties
 * on the global scope's prototypes.
 */
export function hardenHostObjects(scope: object): void {
  const roots: unknown[] = [Reflect.getPrototypeOf(scope)];
  for (const name of Reflect.ownKeys(scope)) {
    if (typeof name === "string" && (writableGlobals.has(name) || ecmaScriptGlobals.has(name))) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(scope, name);
    if (descriptor && "value" in descriptor && descriptor.value !== scope) roots.push(descriptor.value);
  }
  freezeUnfrozen(roots);
}

/**
 * Freezes every object reachable from `roots` (properties, accessors, prototypes) that is not frozen yet. It does
 * not go past an object that is already frozen: that is lockdown()'s domain, which leaves a few things settable on
 * purpose (`harden()` would go on and freeze them).
 */
function freezeUnfrozen(roots: unknown[]): void {
  const stack = [...roots];
  while (stack.length) {
    const value = stack.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || Object.isFrozen(value)) continue;
    Object.freeze(value);
    // Not a function's prototype: an interface's parent interface is a global of its own, and DOMException's is
    // the engine's original Error, whose stackTraceLimit lockdown() keeps settable (the harness sets it).
    if (typeof value !== "function") stack.push(Reflect.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
      if ("value" in descriptor) stack.push(descriptor.value);
      else stack.push(descriptor.get, descriptor.set);
    }
  }
}
