import { engineKitPath, type EngineKit } from "../../lib/project-tree/engine-kit.ts";
import { buildProjectTree, projectName, type ProjectFile } from "../../lib/project-tree/project-tree.ts";
import { projectZip } from "./project-zip.ts";

export interface DownloadInput {
  id: string;
  title: string;
  summary: string;
  /** The exercise's files with the learner's current text for the editable ones. */
  files: ProjectFile[];
}

let kit: Promise<EngineKit> | undefined;

/** The packed sandbox-engine, fetched once per page (from the service worker's cache when offline). */
export function engineKit(): Promise<EngineKit> {
  kit ??= fetch(`${import.meta.env.BASE_URL}${engineKitPath}`).then(async (response) => {
    if (!response.ok) throw new Error(`the simulator's files could not be fetched (HTTP ${response.status})`);
    return (await response.json()) as EngineKit;
  });
  kit.catch(() => (kit = undefined));
  return kit;
}

/** Saves the exercise, as the learner has it now, as `eventlab-<module>-<slug>.zip`. */
export async function downloadProject(input: DownloadInput): Promise<string> {
  const tree = buildProjectTree({ ...input, kit: await engineKit() });
  const name = projectName(input.id);
  const zip = projectZip(tree, name);
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: `${name}.zip` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `${name}.zip`;
}
