import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/**
 * A value computed once and kept as JSON in `cacheFile` (under node_modules/.cache: `npm ci` starts it afresh).
 * Processes that want the same file at once compute it once: the first takes `<cacheFile>.lock`, the others wait
 * for the file (a build in the background and a test both want the SDK declarations, say). A lock whose process
 * is gone is taken over; a failed computation leaves no file and no lock, so the next one tries again.
 */
export async function cachedJson<T>(cacheFile: string, compute: () => Promise<T>): Promise<T> {
  const lock = `${cacheFile}.lock`;
  await mkdir(dirname(cacheFile), { recursive: true });
  for (;;) {
    const found = await readFile(cacheFile, "utf8").catch(() => undefined);
    if (found !== undefined) return JSON.parse(found) as T;
    const held = await open(lock, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return undefined;
      throw error;
    });
    if (held === undefined) {
      if (await isStale(lock)) await rm(lock, { force: true });
      else await delay(200);
      continue;
    }
    try {
      await held.writeFile(String(process.pid));
      await held.close();
      const value = await compute();
      // Written whole, then renamed: a reader never sees half a file.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify(value));
      await rename(partial, cacheFile);
      return value;
    } finally {
      await rm(lock, { force: true });
    }
  }
}

/** The lock's process has ended (or never wrote its pid, a while ago). */
async function isStale(lock: string): Promise<boolean> {
  const pid = Number(await readFile(lock, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) {
    const modified = await stat(lock).then((info) => info.mtimeMs, () => Date.now());
    return Date.now() - modified > 10_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
