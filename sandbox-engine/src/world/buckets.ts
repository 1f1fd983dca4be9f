/**
 * A simple object store standing in for S3 buckets until S3 is simulated: SES's S3 receipt action writes
 * the raw MIME of a received mail here. `sb.world.bucket(name)` reads it.
 */
export interface WorldBucket {
  /** The object's text, or undefined. */
  get(key: string): string | undefined;
  /** Every key, in the order written. */
  keys(): string[];
}

export interface Buckets {
  bucket(name: string): WorldBucket;
  /** Engine-internal: writes (or replaces) an object. */
  put(bucket: string, key: string, body: string): void;
}

export function createBuckets(): Buckets {
  const stores = new Map<string, Map<string, string>>();
  const store = (name: string) => {
    let objects = stores.get(name);
    if (objects === undefined) stores.set(name, (objects = new Map()));
    return objects;
  };
  return {
    bucket(name) {
      if (typeof name !== "string" || name === "") throw new TypeError(`world.bucket needs a bucket name, got ${String(name)}`);
      return Object.freeze({ get: (key: string) => stores.get(name)?.get(key), keys: () => [...(stores.get(name)?.keys() ?? [])] });
    },
    put(bucket, key, body) {
      store(bucket).set(key, body);
    },
  };
}
