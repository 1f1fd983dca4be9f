import type { ProjectTree } from "../../lib/project-tree/project-tree.ts";

/**
 * The part of `@webcontainer/api` the "Run in Node" page uses, so the driver can be tested against a fake with
 * the same shape (a live boot needs StackBlitz's service, which tests here cannot reach).
 */
export interface ContainerProcess {
  output: ReadableStream<string>;
  exit: Promise<number>;
}

export interface DirectoryTree {
  [name: string]: { file: { contents: string } } | { directory: DirectoryTree };
}

export interface Container {
  mount(tree: DirectoryTree): Promise<void>;
  spawn(command: string, args: string[]): Promise<ContainerProcess>;
  fs: { writeFile(path: string, contents: string): Promise<void> };
  teardown(): void;
}

export type NodeRunPhase = "booting" | "installing" | "testing" | "passed" | "failed" | "error";

export interface NodeRunEvents {
  /** Terminal output, as the process wrote it (ANSI colours included: xterm renders them). */
  onOutput(text: string): void;
  onPhase(phase: NodeRunPhase, message?: string): void;
}

export interface NodeRun {
  /** Writes a learner's file (`src/<name>`) into the mounted project. */
  updateFile(name: string, source: string): Promise<void>;
  /** Runs `npx vitest run` again; resolves to its phase. */
  test(): Promise<NodeRunPhase>;
  dispose(): void;
}

/** `{ "src/a.ts": "..." }` -> the nested form `mount` takes. */
export function directoryTree(tree: ProjectTree): DirectoryTree {
  const root: DirectoryTree = {};
  for (const [path, contents] of Object.entries(tree)) {
    const parts = path.split("/");
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      const next = (folder[part] ??= { directory: {} });
      if (!("directory" in next)) throw new Error(`${path}: ${part} is a file and a folder`);
      folder = next.directory;
    }
    folder[parts.at(-1)!] = { file: { contents } };
  }
  return root;
}

/**
 * Boots a container, mounts the project, runs `npm install` then `npx vitest run`, streaming the output. A failed
 * boot or install ends in phase "error" with a message; the tests' verdict is "passed" or "failed".
 */
export async function startNodeRun(boot: () => Promise<Container>, tree: ProjectTree, events: NodeRunEvents): Promise<NodeRun | undefined> {
  events.onPhase("booting");
  let container: Container;
  try {
    container = await boot();
    await container.mount(directoryTree(tree));
  } catch (error) {
    events.onPhase("error", `The WebContainer did not start: ${(error as Error).message}`);
    return undefined;
  }

  const run = async (command: string, args: string[]) => {
    const process = await container.spawn(command, args);
    const reader = process.output.getReader();
    const pump = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) events.onOutput(chunk.value);
    })();
    const [code] = await Promise.all([process.exit, pump]);
    return code;
  };

  const test = async (): Promise<NodeRunPhase> => {
    events.onPhase("testing");
    const code = await run("npx", ["vitest", "run"]);
    const phase: NodeRunPhase = code === 0 ? "passed" : "failed";
    events.onPhase(phase);
    return phase;
  };

  events.onPhase("installing");
  try {
    const installed = await run("npm", ["install", "--no-audit", "--no-fund"]);
    if (installed !== 0) {
      events.onPhase("error", `npm install failed (exit code ${installed}); its output is above.`);
      container.teardown();
      return undefined;
    }
    await test();
  } catch (error) {
    events.onPhase("error", `The run stopped: ${(error as Error).message}`);
    container.teardown();
    return undefined;
  }
  return {
    updateFile: (name, source) => container.fs.writeFile(`src/${name}`, source),
    test,
    dispose: () => container.teardown(),
  };
}
