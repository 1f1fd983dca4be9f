/**
 * The registry: every simulated service, in creation order (a service may use those before it, see
 * ServiceEnvironment.peer). Adding a service = its folder with a `definition.ts`, one entry here, and its
 * SDK module in sdk-modules.ts (sandbox-engine/README.md, "Adding a service").
 */
import { apigatewayDefinition } from "./apigateway/definition.ts";
import type { ServiceDefinition } from "./core/service-definition.ts";
import { lambdaDefinition } from "./lambda/definition.ts";
import { sesDefinition } from "./ses/definition.ts";
import { snsDefinition } from "./sns/definition.ts";
import { sqsDefinition } from "./sqs/definition.ts";

export const serviceDefinitions = [sqsDefinition, lambdaDefinition, snsDefinition, sesDefinition, apigatewayDefinition] as const;

type Definitions = (typeof serviceDefinitions)[number];

export type ServiceName = Definitions["name"];

/** `sb.sqs`, `sb.lambda`, ...: each service's type, by name. */
export type ServicesByName = {
  readonly [D in Definitions as D["name"]]: D extends ServiceDefinition<string, infer Service, never, readonly `client-${string}`[], never> ? Service : never;
};

/** `createSandbox({ sqs: {...}, lambda: {...} })`: each service's options, by name. */
export type ServiceOptionsByName = {
  [D in Definitions as D["name"]]?: D extends ServiceDefinition<string, unknown, infer Options, readonly `client-${string}`[], never> ? Options : never;
};

type FaultsOf<D> = D extends ServiceDefinition<string, unknown, never, readonly `client-${string}`[], infer Faults> ? Faults : never;

/**
 * `createSandbox({ faults: { sqs: {...}, lambda: {...}, ses: {...} } })`: the faults each service can inject, by name
 * (services without faults are left out, so naming one is a type error).
 */
export type ServiceFaultsByName = {
  [D in Definitions as [FaultsOf<D>] extends [undefined] ? never : D["name"]]?: Exclude<FaultsOf<D>, undefined>;
};

/** Every SDK module id ("client-sqs", ...) some service answers. */
export type SdkModuleId = Definitions["sdkModules"][number];

export const sdkModuleIds: readonly SdkModuleId[] = serviceDefinitions.flatMap((definition) => definition.sdkModules);
