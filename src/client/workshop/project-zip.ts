import { strToU8, zipSync, type Zippable } from "fflate";
import type { ProjectTree } from "../../lib/project-tree/project-tree.ts";

/** A project tree as a .zip whose entries sit in one folder, `folder/`, as a learner expects from a download. */
export function projectZip(tree: ProjectTree, folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(tree)) entries[`${folder}/${path}`] = strToU8(text);
  return zipSync(entries, { level: 6 });
}
