import { currentSandbox } from "sandbox-engine";

/**
 * The current time in epoch milliseconds, on the simulated cloud's
 * clock. In a real service this is Date.now(); here time is
 * virtual, so the tests can jump 40 minutes in a blink.
 */
export function now(): number {
  return currentSandbox().clock.now();
}
