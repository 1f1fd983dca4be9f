/**
 * The environment for a child process started from a test: without vitest's own variables (VITEST_*, TEST), which
 * would make a child vitest think it is a worker and a child Astro build a test-mode bundle.
 */
export function childEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^VITEST|^TEST$/.test(key)));
  return { ...inherited, ...extra };
}
