import { draftKey, loadDraft } from "../exercise/draft-storage.ts";
import type { DownloadInput } from "./download-project.ts";
import type { NodeRun, NodeRunPhase } from "./node-run-driver.ts";

/** What the "Run in Node" page embeds: the exercise's starter and tests (the learner's draft comes from storage). */
export type NodeRunPageData = DownloadInput;

type Unavailable = { ok: true } | { ok: false; reason: string };

/** What WebContainer needs that this page may lack, in a learner's words. */
export function nodeRunAvailability(isolated: boolean, online: boolean): Unavailable {
  if (!isolated) {
    return {
      ok: false,
      reason:
        "Running in Node needs this page to be cross-origin isolated, and the server that sent it did not send the headers for it (Cross-Origin-Embedder-Policy: require-corp and Cross-Origin-Opener-Policy: same-origin). Download the project instead and run it with Node on your computer.",
    };
  }
  if (!online) {
    return {
      ok: false,
      reason:
        "You are offline. Running in Node starts StackBlitz's WebContainer and installs npm packages, which needs the internet. Download the project instead: it works offline, and runs with Node on your computer.",
    };
  }
  return { ok: true };
}

const phaseText: Record<NodeRunPhase, string> = {
  booting: "Starting Node.js in your browser...",
  installing: "Installing the project's packages (npm install)...",
  testing: "Running the tests (npx vitest run)...",
  passed: "Every test passes.",
  failed: "Some tests fail; the output above says which.",
  error: "",
};

const root = document.querySelector<HTMLElement>("[data-node-run]");
if (root) {
  const data = JSON.parse(document.querySelector("script[data-node-run-data]")?.textContent ?? "{}") as NodeRunPageData;
  const status = root.querySelector<HTMLElement>("[data-node-run-status]")!;
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  const editable = data.files.filter((file) => file.role === "editable").map((file) => file.name);
  const currentFiles = () => {
    const draft = loadDraft(data.id, editable);
    return data.files.map((file) => ({ ...file, source: draft.kind === "found" ? (draft.files[file.name] ?? file.source) : file.source }));
  };
  const show = (phase: NodeRunPhase | "unavailable" | "idle", text: string) => {
    status.dataset.phase = phase;
    status.textContent = text;
  };
  let run: NodeRun | undefined;

  button("download").addEventListener("click", async () => {
    const { downloadProject } = await import("./download-project.ts");
    try {
      show("idle", `Saved ${await downloadProject({ ...data, files: currentFiles() })}.`);
    } catch (error) {
      show("error", `Could not build the project: ${(error as Error).message}`);
    }
  });

  button("start").addEventListener("click", async () => {
    const availability = nodeRunAvailability(globalThis.crossOriginIsolated === true, navigator.onLine);
    if (!availability.ok) {
      show("unavailable", availability.reason);
      button("download").hidden = false;
      return;
    }
    button("start").disabled = true;
    // Only now, at the learner's request, does anything load from another origin (WebContainer's service).
    const [{ WebContainer }, { Terminal }, { startNodeRun }, { buildProjectTree }, kitModule] = await Promise.all([
      import("@webcontainer/api"),
      import("@xterm/xterm"),
      import("./node-run-driver.ts"),
      import("../../lib/project-tree/project-tree.ts"),
      import("./download-project.ts"),
      import("@xterm/xterm/css/xterm.css"),
    ]);
    const terminal = new Terminal({ convertEol: true, rows: 24 });
    terminal.open(root.querySelector<HTMLElement>("[data-terminal]")!);
    const tree = buildProjectTree({ ...data, files: currentFiles(), kit: await kitModule.engineKit() });
    run = await startNodeRun(() => WebContainer.boot(), tree, {
      onOutput: (text) => terminal.write(text),
      onPhase: (phase, message) => show(phase, message ?? phaseText[phase]),
    });
    button("rerun").hidden = run === undefined;
    button("download").hidden = false;
  });

  button("rerun").addEventListener("click", () => void run?.test());

  // The lesson's editor saves drafts to storage; another tab's save arrives here as a storage event.
  window.addEventListener("storage", (event) => {
    if (!run || event.key !== draftKey(data.id)) return;
    for (const file of currentFiles().filter((candidate) => candidate.role === "editable")) void run.updateFile(file.name, file.source);
  });
}
