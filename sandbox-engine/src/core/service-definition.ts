/**
 * What a service gives the sandbox: its name, the AWS SDK modules it answers, and a factory. The
 * registry (services.ts) lists one definition per service, and everything else derives from that list:
 * createSandbox and the Sandbox type and options, the delivery router's receivers, the runner's module
 * map, the editor's typings aliases, the exercises' type-check paths, and (checked by a test) the
 * package exports.
 */
import type { World } from "../world/world.ts";
import type { DeliveryCheck, DeliveryReceiver, DeliveryTargets } from "./delivery.ts";
import type { ServiceDeps } from "./service-deps.ts";

/** What every service factory gets. */
export interface ServiceEnvironment extends ServiceDeps {
  /** Mailboxes and web servers outside the cloud. */
  readonly world: World;
  /** The delivery router: how a service hands work to another (the receiver checks its policy). */
  readonly targets: DeliveryTargets;
  /**
   * A service listed earlier in the registry, for what is not a delivery (a Lambda event source mapping
   * polls SQS). The caller names the type it expects.
   */
  peer<T>(name: string): T;
}

export interface ServiceDefinition<
  Name extends string = string,
  Service = unknown,
  Options = unknown,
  Modules extends readonly `client-${string}`[] = readonly `client-${string}`[],
  Faults = undefined,
> {
  /** `sb.<name>` and `createSandbox({ <name>: options })`; also the ARN service its receiver answers for. */
  readonly name: Name;
  /**
   * The AWS SDK v3 client packages this service answers, e.g. ["client-sqs"]: each is
   * `sandbox-engine/src/aws/<id>.ts`, exported as `sandbox-engine/aws/<id>` and, inside exercises,
   * imported as `@aws-sdk/<id>`.
   */
  readonly sdkModules: Modules;
  /**
   * Builds the service; throws (a RangeError) on bad options or faults, which createSandbox reports. `faults` is
   * `createSandbox({ faults: { <name>: ... } })`: seeded fault injection (sandbox-engine/README.md, "Faults"). A
   * service without faults leaves the parameter out: createSandbox then refuses faults for it.
   */
  create(
    env: ServiceEnvironment,
    options: Options | undefined,
    faults: Faults | undefined,
  ): { readonly service: Service; readonly receive?: DeliveryReceiver; readonly check?: DeliveryCheck };
}

/** Keeps a definition's literal name and types (so the Sandbox type can be derived from the list). */
export function defineService<const Name extends string, Service, Options, const Modules extends readonly `client-${string}`[], Faults = undefined>(
  definition: ServiceDefinition<Name, Service, Options, Modules, Faults>,
): ServiceDefinition<Name, Service, Options, Modules, Faults> {
  return definition;
}
