import { readFile, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const virtualId = "virtual:eventlab/monaco-css";
const resolvedId = `\0${virtualId}`;
const monacoCss = /[\\/]node_modules[\\/]monaco-editor[\\/]esm[\\/].*\.css$/;

/**
 * Monaco imports its CSS from its JavaScript modules, and Astro hoists the CSS of the lazily imported editor
 * chunk into every lesson page as render-blocking stylesheets (27 KB gzip the reader never uses unless they
 * scroll to an exercise). This plugin empties those imports and serves Monaco's CSS as one string module that the
 * editor inserts when it mounts, so the CSS arrives with the editor, not with the page.
 */
export function monacoCssPlugin(root: URL): Plugin {
  const monacoRoot = fileURLToPath(new URL("node_modules/monaco-editor/esm/", root));
  return {
    name: "eventlab-monaco-css",
    enforce: "pre",
    resolveId: (id) => (id === virtualId ? resolvedId : undefined),
    async load(id) {
      if (monacoCss.test(id.split("?")[0] ?? "")) return "";
      if (id !== resolvedId) return undefined;
      const files = await cssFiles(monacoRoot);
      let css = "";
      for (const file of files) {
        this.addWatchFile(file);
        css += `/* ${file.slice(monacoRoot.length)} */\n${await readFile(file, "utf8")}\n`;
      }
      // The icon font is the one relative url() in Monaco's CSS; let Vite emit it and give its final URL.
      const font = join(monacoRoot, "vs/base/browser/ui/codicons/codicon/codicon.ttf");
      return [
        `import codiconFont from ${JSON.stringify(`${font}?url`)};`,
        `export default ${JSON.stringify(css.replace("url(./codicon.ttf)", "url(__CODICON_FONT__)"))}.replace("__CODICON_FONT__", codiconFont);`,
      ].join("\n");
    },
  };
}

/** Every CSS file of Monaco's ESM build, base layers first (paths sort vs/base before vs/editor). */
async function cssFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".css"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/[\\/]language[\\/]|[\\/]languages[\\/]/.test(dirname(file)))
    .sort();
}
