/**
 * createSandbox(): one fresh, isolated, deterministic cloud. Nothing in it reads the real time or
 * Math.random: the clock starts at `now` and randomness comes from `seed`.
 */
import { createClock, type Clock } from "./clock/virtual-clock.ts";
import { AwsError } from "./core/aws-error.ts";
import { createDeliveryRouter } from "./core/delivery-router.ts";
import type { ServiceEnvironment } from "./core/service-definition.ts";
import { createRandom, type Seed, type SeededRandom } from "./random/seeded-random.ts";
import { serviceDefinitions, type ServiceFaultsByName, type ServiceOptionsByName, type ServicesByName } from "./services.ts";
import { createTrace, type Trace } from "./trace/trace.ts";
import { createWorld, type World } from "./world/world.ts";

/** Services that take faults: their definition's create declares the third parameter (ServiceDefinition.create). */
const faultServices: readonly string[] = serviceDefinitions.filter((definition) => definition.create.length >= 3).map((definition) => definition.name);

export interface SandboxBaseOptions {
  /** Seeds every id the sandbox makes (message ids, receipt handles, request ids). Default 1. */
  seed?: Seed;
  /** Start of virtual time, epoch ms. Default 2026-01-01T00:00:00Z. */
  now?: number;
  /** Default "us-east-1". */
  region?: string;
  /** Default "123456789012". */
  accountId?: string;
  /** Most timers one clock.advance()/runAll() may fire before it reports an endless loop. Default 10,000. */
  loopLimit?: number;
  /** The clock's no-deadlock rule (default true); false when a driver moves the clock, e.g. in real time. */
  autoAdvance?: boolean;
  /**
   * Seeded, reproducible fault injection, per service (sandbox-engine/README.md, "Faults"):
   * `{ sqs: { duplicates: 0.1 }, lambda: { errorRate: { fn: 0.1 }, throttle: { fn: 0.2 } }, ses: { bounce: ["a@example.com"] } }`.
   * Each injected fault shows in the trace.
   */
  faults?: ServiceFaultsByName;
}

/**
 * Plus one entry per service of the registry, e.g. `sqs: { standardQueueDelivery: "at-least-once" }`
 * (duplicates and reordering, seeded) or `lambda: { accountConcurrency: 1000 }`.
 */
export type SandboxOptions = SandboxBaseOptions & ServiceOptionsByName;

export interface SandboxBase {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly trace: Trace;
  /** Mailboxes and web servers outside the cloud (sb.world.mailbox, sb.world.http.endpoint). */
  readonly world: World;
  readonly region: string;
  readonly accountId: string;
}

/** The base plus one member per service of the registry: `sb.sqs`, `sb.lambda`, `sb.sns`, ... */
export type Sandbox = SandboxBase & ServicesByName;

export const DEFAULT_SEED = 1;
export const DEFAULT_NOW = Date.UTC(2026, 0, 1);
export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_ACCOUNT_ID = "123456789012";

let current: Sandbox | undefined;
const creationListeners = new Set<(sandbox: Sandbox) => void>();

/**
 * Calls `listener` with each sandbox created from now on, until the returned function is called. The runner uses
 * it to know which sandboxes a test made, so it can hand each test its own trace.
 */
export function onSandboxCreated(listener: (sandbox: Sandbox) => void): () => void {
  const entry = (sandbox: Sandbox) => listener(sandbox);
  creationListeners.add(entry);
  return () => creationListeners.delete(entry);
}

function badOption(message: string): AwsError {
  return new AwsError("InvalidParameterValue", `createSandbox: ${message}`);
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { seed = DEFAULT_SEED, now = DEFAULT_NOW, region = DEFAULT_REGION, accountId = DEFAULT_ACCOUNT_ID } = options;
  if (typeof now !== "number" || !Number.isFinite(now)) throw badOption(`now must be epoch milliseconds, got ${String(now)}`);
  if (typeof region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw badOption(`region must look like "us-east-1", got ${String(region)}`);
  }
  if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId)) {
    throw badOption(`accountId must be 12 digits like "123456789012", got ${String(accountId)}`);
  }
  if (!((typeof seed === "number" && Number.isFinite(seed)) || typeof seed === "string")) {
    throw badOption(`seed must be a number or a string, got ${String(seed)}`);
  }
  const clock = createClock(now, {
    ...(options.loopLimit === undefined ? {} : { loopLimit: options.loopLimit }),
    ...(options.autoAdvance === undefined ? {} : { autoAdvance: options.autoAdvance }),
  });
  const random = createRandom(seed);
  const trace = createTrace(clock);
  const world = createWorld(clock);
  const router = createDeliveryRouter();
  const faults = options.faults ?? {};
  if (typeof faults !== "object" || faults === null) throw badOption(`faults must be an object, got ${String(faults)}`);
  const unknownFaults = Object.keys(faults).filter((name) => !faultServices.includes(name));
  if (unknownFaults.length > 0) throw badOption(`faults: no faults for ${unknownFaults.join(", ")} (services with faults: ${faultServices.join(", ")})`);
  const services = new Map<string, unknown>();
  const env: ServiceEnvironment = {
    clock,
    random,
    trace,
    region,
    accountId,
    world,
    targets: router,
    peer<T>(name: string): T {
      if (!services.has(name)) throw new Error(`service ${name} must come before its users in services.ts`);
      return services.get(name) as T;
    },
  };
  for (const definition of serviceDefinitions) {
    let created: ReturnType<typeof definition.create>;
    try {
      created = definition.create(env, options[definition.name] as never, (faults as Record<string, unknown>)[definition.name] as never);
    } catch (error) {
      throw badOption(error instanceof Error ? error.message : String(error));
    }
    services.set(definition.name, created.service);
    if (created.receive !== undefined) router.register(definition.name, created.receive, created.check);
  }
  const sandbox = Object.freeze({ clock, random, trace, world, ...Object.fromEntries(services), region, accountId }) as Sandbox;
  current = sandbox;
  for (const listener of creationListeners) listener(sandbox);
  return sandbox;
}

/** The most recently created sandbox: where clients without an explicit sandbox send requests. */
export function currentSandbox(): Sandbox {
  if (current === undefined) {
    throw new AwsError("SandboxNotCreated", "create a sandbox first: createSandbox()", {
      hint: 'import { createSandbox } from "sandbox-engine" and call it before sending requests.',
    });
  }
  return current;
}
