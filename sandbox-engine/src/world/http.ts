/** Simulated web servers: a handler per URL, and the log of every request made to them. */

/** A request a simulated endpoint receives. */
export interface WorldHttpRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a handler answers: a status code, `{ status }` / `{ statusCode }`, or nothing (= 200). Throwing = 500. */
export type WorldHttpResponse = number | { status?: number; statusCode?: number } | undefined | void;
export type WorldHttpHandler = (request: WorldHttpRequest) => WorldHttpResponse | Promise<WorldHttpResponse>;

export interface WorldHttpExchange {
  readonly time: number;
  readonly request: WorldHttpRequest;
  /** The status the handler answered, or undefined if nothing answered or it threw. */
  readonly status: number | undefined;
}

/** How a request ended: a status, or no answer (no endpoint, or the handler threw) with the reason. */
export type WorldHttpResult = { readonly status: number } | { readonly status: undefined; readonly reason: string };

export interface WorldHttp {
  /** Serves `url` with `handler` (replacing any earlier one). */
  endpoint(url: string, handler: WorldHttpHandler): void;
  /** Takes the endpoint at `url` down. */
  remove(url: string): void;
  /** Every request made so far (to `url` only, if given), oldest first. */
  requests(url?: string): readonly WorldHttpExchange[];
  /** Engine-internal: makes a request and logs it. */
  request(request: WorldHttpRequest): Promise<WorldHttpResult>;
}

function statusOf(response: WorldHttpResponse): number {
  if (response === undefined || response === null) return 200;
  if (typeof response === "number") return response;
  if (typeof response === "object") {
    const status = response.status ?? response.statusCode;
    if (typeof status === "number") return status;
  }
  return 200;
}

export function createWorldHttp(now: () => number): WorldHttp {
  const handlers = new Map<string, WorldHttpHandler>();
  const log: WorldHttpExchange[] = [];
  return {
    endpoint(url, handler) {
      if (typeof url !== "string" || !/^https?:\/\//.test(url)) throw new TypeError(`world.http.endpoint needs an http:// or https:// URL, got ${String(url)}`);
      if (typeof handler !== "function") throw new TypeError("world.http.endpoint needs a handler function (request) => status");
      handlers.set(url, handler);
    },
    remove(url) {
      handlers.delete(url);
    },
    requests(url) {
      return url === undefined ? [...log] : log.filter((entry) => entry.request.url === url);
    },
    async request(request) {
      const handler = handlers.get(request.url);
      const time = now();
      if (handler === undefined) {
        log.push({ time, request, status: undefined });
        return { status: undefined, reason: `nothing answers at ${request.url} (serve it with sb.world.http.endpoint(url, handler))` };
      }
      try {
        const status = statusOf(await handler(request));
        log.push({ time, request, status });
        return { status };
      } catch (error) {
        log.push({ time, request, status: undefined });
        return { status: undefined, reason: `the handler at ${request.url} threw: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
