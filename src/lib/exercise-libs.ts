/**
 * The TypeScript libraries exercise code is checked against, in the editor and by `npm test`: the runner is a
 * Web Worker, so ES2023 plus the Web Worker globals (console, TextEncoder, URL, ...), and no DOM. sandbox-engine's
 * tsconfig uses the same pair.
 */
export const exerciseLibs = ["lib.es2023.d.ts", "lib.webworker.d.ts"] as const;
