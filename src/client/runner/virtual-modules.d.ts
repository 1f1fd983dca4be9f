declare module "virtual:eventlab/runner-worker-source" {
  /** The runner Worker's bundled source (see src/lib/vite/runner-worker-plugin.ts). */
  const source: string;
  export default source;
}

declare module "virtual:eventlab/exercise-typings" {
  /** `file:///node_modules/...` path -> contents, for Monaco's TypeScript worker (exercise-typings-plugin.ts). */
  const typings: Record<string, string>;
  export default typings;
}

declare module "virtual:eventlab/monaco-css" {
  /** All of Monaco's CSS, inserted when the editor mounts (src/lib/vite/monaco-css-plugin.ts). */
  const css: string;
  export default css;
}

declare module "virtual:eventlab/runner-frame-source" {
  /** The runner iframe's relay script, bundled (see src/lib/vite/runner-worker-plugin.ts). */
  const source: string;
  export default source;
}
