import { currentSandbox } from "sandbox-engine";

// Timers on the simulated cloud's clock. In a real service you
// would use setInterval / clearInterval; here time is virtual, so
// the course gives you this small helper instead.

/**
 * Calls `tick` every `ms` milliseconds until you call the
 * function it returns. Errors thrown by `tick` are logged, not
 * rethrown, so a failed heartbeat never crashes the worker.
 */
export function every(
  ms: number,
  tick: () => unknown,
): () => void {
  const clock = currentSandbox().clock;
  let stopped = false;
  let timer = clock.setTimer(run, ms);
  function run(): void {
    if (stopped) return;
    timer = clock.setTimer(run, ms);
    Promise.resolve()
      .then(tick)
      .catch((error) => console.warn("heartbeat failed:", error));
  }
  return () => {
    stopped = true;
    clock.clearTimer(timer);
  };
}
