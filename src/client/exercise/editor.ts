// Loaded on demand (dynamic import) when an exercise comes into view or gets focus: Monaco is the heaviest part
// of a lesson page and a reader who never scrolls to the exercise never downloads it.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import TypeScriptWorker from "monaco-editor/language/typescript/ts.worker.js?worker";
import typings from "virtual:eventlab/exercise-typings";
import { exerciseLibs } from "../../lib/exercise-libs.ts";
import monacoCss from "virtual:eventlab/monaco-css";
import type { Files } from "./draft-storage.ts";

export interface EditorFile {
  name: string;
  source: string;
  readOnly: boolean;
}

export interface MountOptions {
  container: HTMLElement;
  /** Folder of the exercise's files in the editor's virtual file system, e.g. `exercises/sqs/first-consumer`. */
  folder: string;
  files: EditorFile[];
  activeFile: string;
  onChange: (name: string, source: string) => void;
  onRun: () => void;
}

export interface MountedEditor {
  show(name: string): void;
  setSource(name: string, source: string): void;
  focus(): void;
  /**
   * A side-by-side, read-only diff of the learner's draft (left, live) against the reference solution (right) of
   * one file, in `container`. Nothing in it can change the draft.
   */
  showSolutionDiff(container: HTMLElement, name: string, solution: string): { dispose(): void };
  dispose(): void;
}

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker(),
};

let languageConfigured = false;


/** The TypeScript service sees every exercise file, sandbox-engine and the vitest API (never blocks a run). */
function configureTypeScript(): void {
  if (languageConfigured) return;
  languageConfigured = true;
  const defaults = monaco.typescript.typescriptDefaults;
  defaults.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: 100 as monaco.typescript.ModuleResolutionKind, // "Bundler": follows package.json exports
    // Learner code runs in a Worker: the ES and Web Worker libraries (file names, as the language service wants),
    // the same as sandbox-engine's own tsconfig. TextEncoder, URL and console are there; the DOM is not.
    lib: [...exerciseLibs],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  defaults.setEagerModelSync(true);
  for (const [path, content] of Object.entries(typings)) defaults.addExtraLib(content, path);
}

/** Monaco's CSS comes with the editor, not with the lesson page (see monaco-css-plugin.ts). */
function insertMonacoCss(): void {
  if (document.querySelector("style[data-monaco-css]")) return;
  const style = document.createElement("style");
  style.dataset.monacoCss = "";
  style.textContent = monacoCss;
  document.head.append(style);
}

/**
 * Monaco's own themes, with fainter diff backgrounds and slightly stronger comments: on the defaults, a comment on
 * a removed or inserted line falls below WCAG 1.4.3 contrast.
 */
function defineThemes(): void {
  const diff = {
    "diffEditor.removedTextBackground": "#ff000020",
    "diffEditor.insertedTextBackground": "#22aa2220",
    "diffEditor.removedLineBackground": "#ff000010",
    "diffEditor.insertedLineBackground": "#22aa2210",
  };
  monaco.editor.defineTheme("eventlab-dark", { base: "vs-dark", inherit: true, rules: [{ token: "comment", foreground: "8fc27a" }], colors: diff });
  monaco.editor.defineTheme("eventlab-light", { base: "vs", inherit: true, rules: [{ token: "comment", foreground: "006000" }], colors: diff });
}

export function mountEditor(options: MountOptions): MountedEditor {
  insertMonacoCss();
  configureTypeScript();
  const models = new Map<string, monaco.editor.ITextModel>();
  const readOnly = new Set(options.files.filter((file) => file.readOnly).map((file) => file.name));
  for (const file of options.files) {
    const uri = monaco.Uri.parse(`file:///${options.folder}/${file.name}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.source, "typescript", uri);
    model.setValue(file.source);
    model.onDidChangeContent(() => options.onChange(file.name, model.getValue()));
    models.set(file.name, model);
  }

  defineThemes();
  const dark = () => document.documentElement.dataset.theme !== "light";
  const editor = monaco.editor.create(options.container, {
    model: models.get(options.activeFile) ?? null,
    readOnly: readOnly.has(options.activeFile),
    theme: dark() ? "eventlab-dark" : "eventlab-light",
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    // Monaco fades unused code to low contrast; the starter's not-yet-used imports must stay readable (WCAG 1.4.3).
    showUnused: false,
    // Monaco dims the last line's number when the file ends with a newline, below WCAG 1.4.3 contrast.
    renderFinalNewline: "on",
    fontSize: 14,
    tabSize: 2,
    ariaLabel: `Code editor, ${options.activeFile}`,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);

  // Follow Starlight's light/dark switch.
  const themeWatcher = new MutationObserver(() => monaco.editor.setTheme(dark() ? "eventlab-dark" : "eventlab-light"));
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

  return {
    show(name) {
      const model = models.get(name);
      if (!model) return;
      editor.setModel(model);
      editor.updateOptions({ readOnly: readOnly.has(name), ariaLabel: `Code editor, ${name}` });
    },
    setSource(name, source) {
      const model = models.get(name);
      if (model && model.getValue() !== source) model.setValue(source);
    },
    focus: () => editor.focus(),
    showSolutionDiff(container, name, solution) {
      const draft = models.get(name);
      // The solution's model lives outside the exercise folder so the TypeScript service does not see two copies.
      const uri = monaco.Uri.parse(`file:///solutions/${options.folder}/${name}`);
      const solutionModel = monaco.editor.getModel(uri) ?? monaco.editor.createModel(solution, "typescript", uri);
      solutionModel.setValue(solution);
      const diff = monaco.editor.createDiffEditor(container, {
        readOnly: true,
        originalEditable: false,
        automaticLayout: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        showUnused: false,
        renderFinalNewline: "on",
        fontSize: 14,
        // Side by side even in the lesson's column: the inline view mixes the two texts.
        useInlineViewWhenSpaceIsLimited: false,
      });
      diff.getOriginalEditor().updateOptions({ ariaLabel: `Your draft, ${name}, read-only` });
      diff.getModifiedEditor().updateOptions({ ariaLabel: `Reference solution, ${name}, read-only` });
      diff.setModel({ original: draft ?? monaco.editor.createModel("", "typescript"), modified: solutionModel });
      return {
        dispose() {
          diff.dispose();
          solutionModel.dispose();
        },
      };
    },
    dispose() {
      themeWatcher.disconnect();
      editor.dispose();
      for (const model of models.values()) model.dispose();
    },
  };
}

export type { Files };
