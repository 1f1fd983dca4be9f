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
export function hardenRealm(): void {
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
