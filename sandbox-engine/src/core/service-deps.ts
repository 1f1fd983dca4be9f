/**
 * What every service is built with: the sandbox's clock, seeded randomness, trace, and the Region and
 * account it stands for. Each service's own deps (SqsServiceDeps, ...) extend this with what only it needs.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";

export interface ServiceDeps {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
}
