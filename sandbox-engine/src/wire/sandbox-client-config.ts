/**
 * The defaults the sandbox gives the real SDK clients (`new SQSClient({})` inside exercises): the sandbox's
 * region, fixed test credentials, the in-memory request handler, and the SDK's standard retries on the virtual
 * clock. Anything the learner sets explicitly wins, as with the real client (`maxAttempts: 1`, `region`, ...).
 */
import { currentSandbox, DEFAULT_REGION, type Sandbox } from "../sandbox.ts";
import { withFastProperties } from "./fast-properties.ts";
import { InMemoryRequestHandler } from "./in-memory-request-handler.ts";
import { DEFAULT_MAX_ATTEMPTS, VirtualClockRetryStrategy, type RetryMode, type SandboxClientService } from "./virtual-clock-retry-strategy.ts";

/** Options only the sandbox's clients understand. */
export interface SandboxClientOptions {
  /** The sandbox to talk to; default: the most recently created one, looked up per request. */
  sandbox?: Sandbox;
  /**
   * Who calls (SNS topic policies): "111122223333", "arn:aws:iam::111122223333:root" or an IAM user/role ARN.
   * Default: the sandbox account's root user. On AWS the caller is whoever the credentials belong to.
   */
  caller?: string;
}

/** Test credentials: the in-memory handler checks no signature. */
const SANDBOX_CREDENTIALS = Object.freeze({ accessKeyId: "AKIAEVENTLABSANDBOX0", secretAccessKey: "eventlab-sandbox-secret-key" });

/** The SigV4 auth scheme, resolving credentials as usual, with a signer that leaves the request as it is. */
const unsignedSigV4 = {
  schemeId: "aws.auth#sigv4",
  identityProvider: (config: { getIdentityProvider(schemeId: string): unknown }) => config.getIdentityProvider("aws.auth#sigv4"),
  signer: { sign: async <Request>(request: Request): Promise<Request> => request },
};

interface SdkClientConfigLike {
  cacheMiddleware?: boolean;
  ignoreConfiguredEndpointUrls?: boolean;
  httpAuthSchemes?: unknown;
  region?: unknown;
  credentials?: unknown;
  requestHandler?: unknown;
  retryStrategy?: unknown;
  retryMode?: unknown;
  maxAttempts?: unknown;
}

/** A client's own defaults besides the common ones (SQS: its MD5); an option the learner sets wins. */
export type ServiceDefaults = Readonly<Record<string, unknown>>;

export function sandboxClientConfig<Config extends SdkClientConfigLike>(
  config: (Config & SandboxClientOptions) | undefined,
  service: SandboxClientService,
  serviceDefaults: ServiceDefaults = {},
): Config {
  const { sandbox, caller, ...given } = (config ?? {}) as Config & SandboxClientOptions;
  const sdkConfig = { ...given, ...withoutUndefined(serviceDefaults, given) } as typeof given;
  const handler = new InMemoryRequestHandler({ sandbox, caller });
  const sandboxNow = () => sandbox ?? currentSandbox();
  const maxAttempts = async () => {
    const value = typeof sdkConfig.maxAttempts === "function" ? await (sdkConfig.maxAttempts as () => unknown)() : sdkConfig.maxAttempts;
    return typeof value === "number" ? value : DEFAULT_MAX_ATTEMPTS;
  };
  const retryMode = async (): Promise<RetryMode> => {
    const value = typeof sdkConfig.retryMode === "function" ? await (sdkConfig.retryMode as () => unknown)() : sdkConfig.retryMode;
    // As the SDK's resolveRetryConfig: "adaptive" is adaptive, anything else standard.
    return value === "adaptive" ? "adaptive" : "standard";
  };
  return {
    ...(sdkConfig as Config),
    region: sdkConfig.region ?? (async () => (sandbox ?? currentSandboxOrUndefined())?.region ?? DEFAULT_REGION),
    // A fresh object per client: the SDK records where credentials came from on the object itself.
    credentials: sdkConfig.credentials ?? { ...SANDBOX_CREDENTIALS },
    requestHandler: sdkConfig.requestHandler ?? handler,
    // The SDK's own speed option: each command class's middleware chain is built once per client, not per send
    // (a third faster in memory). Its one effect: middleware added after the first send of a command class is not
    // used; `cacheMiddleware: false` restores the SDK's default.
    cacheMiddleware: sdkConfig.cacheMiddleware ?? true,
    // A documented client option (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): do not
    // look for an endpoint in AWS_ENDPOINT_URL_* or ~/.aws/config. In Node the
    // SDK reads them for every new client (a tenth of a short test run); the sandbox answers in memory whatever
    // the endpoint, so a developer's setting for LocalStack or the like must not matter here anyway.
    ignoreConfiguredEndpointUrls: sdkConfig.ignoreConfiguredEndpointUrls ?? true,
    // In memory nobody checks a signature, so the SDK signs nothing (SigV4 is a third of a call's cost); a client
    // given its own request handler (a real endpoint) signs as usual.
    ...(sdkConfig.requestHandler === undefined && sdkConfig.httpAuthSchemes === undefined ? { httpAuthSchemes: [unsignedSigV4] } : {}),
    // The SDK's standard or adaptive mode on the virtual clock; a retry strategy of one's own waits in real time.
    ...(sdkConfig.retryStrategy === undefined ? { retryStrategy: new VirtualClockRetryStrategy(maxAttempts, sandboxNow, service, retryMode) } : {}),
  };
}

/** The defaults the given config does not set (a key set to undefined counts as not set, as in the SDK). */
function withoutUndefined(defaults: ServiceDefaults, given: object): ServiceDefaults {
  const set = given as Record<string, unknown>;
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => set[key] === undefined));
}

function currentSandboxOrUndefined(): Sandbox | undefined {
  try {
    return currentSandbox();
  } catch {
    return undefined;
  }
}

type ClientClass = abstract new (config: never) => object;

/**
 * `Base` (an SDK client class) with the sandbox's defaults: `new (sandboxClient(SQSClient, "sqs"))(config)` is
 * `new SQSClient(sandboxClientConfig(config, "sqs"))`, and an instance of the SDK class (instanceof works).
 */
export function sandboxClient<Base extends ClientClass>(
  Base: Base,
  service: SandboxClientService,
  serviceDefaults: ServiceDefaults = {},
): new (...[config]: [] | [ConstructorParameters<Base>[0] & SandboxClientOptions]) => InstanceType<Base> {
  const Concrete = Base as unknown as new (config: unknown) => InstanceType<Base>;
  const Client = class extends (Concrete as new (config: unknown) => object) {
    constructor(...[config]: [] | [SandboxClientOptions]) {
      super(sandboxClientConfig(config as SdkClientConfigLike & SandboxClientOptions, service, serviceDefaults));
      withFastProperties((this as unknown as { config: object }).config);
    }
  };
  // Named as the SDK's class, so messages and stack traces say "SQSClient".
  Object.defineProperty(Client, "name", { value: Base.name });
  return Client as never;
}
