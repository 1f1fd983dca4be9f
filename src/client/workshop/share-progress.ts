import { workshopApi } from "../../lib/workshop/workshop-api.ts";
import { safeStorage } from "../exercise/draft-storage.ts";
import { runFinishedEvent, type RunFinishedDetail } from "./run-finished.ts";

/**
 * On a workshop server (`npm run workshop`), a learner may share progress with the host: after they give a
 * display name, each run's verdict (exercise, status, tests passed, time) goes to the server the page came from,
 * and nothing else, never code. On any other host the server does not answer `/api/workshop` and nothing shows.
 */
const shareKey = "eventlab:v1:workshop-share";

interface Sharing {
  learnerId: string;
  name: string;
}

function loadSharing(): Sharing | undefined {
  try {
    const raw = JSON.parse(safeStorage()?.getItem(shareKey) ?? "null") as Partial<Sharing> | null;
    return typeof raw?.learnerId === "string" && typeof raw.name === "string" ? { learnerId: raw.learnerId, name: raw.name } : undefined;
  } catch {
    return undefined;
  }
}

function storeSharing(sharing: Sharing | undefined): void {
  try {
    if (sharing) safeStorage()?.setItem(shareKey, JSON.stringify(sharing));
    else safeStorage()?.removeItem(shareKey);
  } catch {
    // Without storage, sharing lasts until the learner leaves the page.
  }
}

let sharing = loadSharing();

async function onWorkshopServer(): Promise<boolean> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${workshopApi.info.slice(1)}`, { cache: "no-store" });
    return response.ok && ((await response.json()) as { workshop?: unknown }).workshop === true;
  } catch {
    return false;
  }
}

function report(detail: RunFinishedDetail): void {
  if (!sharing) return;
  const body = JSON.stringify({ learnerId: sharing.learnerId, name: sharing.name, ...detail, durationMs: Math.round(detail.durationMs) });
  // Best effort: a report lost while the Wi-Fi is down costs the host one cell update, never the learner's work.
  void fetch(`${import.meta.env.BASE_URL}${workshopApi.reports.slice(1)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    keepalive: true,
  }).catch(() => undefined);
}

function renderPanel(panel: HTMLElement): void {
  panel.replaceChildren();
  const text = document.createElement("p");
  if (sharing) {
    text.textContent = `Sharing your progress with the workshop host as ${sharing.name}: each run's verdict, never your code.`;
    const stop = Object.assign(document.createElement("button"), { type: "button", textContent: "Stop sharing" });
    stop.dataset.action = "stop-sharing";
    stop.addEventListener("click", () => {
      sharing = undefined;
      storeSharing(undefined);
      renderPanel(panel);
    });
    panel.append(text, stop);
    return;
  }
  text.textContent = "This course is served by a workshop. Share your progress with the host? Only each run's verdict is sent (exercise, pass or fail, tests passed, time), never your code.";
  const form = document.createElement("form");
  const label = Object.assign(document.createElement("label"), { textContent: "Display name " });
  const input = Object.assign(document.createElement("input"), { name: "name", required: true, maxLength: 40, autocomplete: "nickname" });
  label.append(input);
  const submit = Object.assign(document.createElement("button"), { type: "submit", textContent: "Share progress" });
  form.append(label, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    sharing = { learnerId: crypto.randomUUID(), name };
    storeSharing(sharing);
    renderPanel(panel);
  });
  panel.append(text, form);
}

async function start(): Promise<void> {
  if (!(await onWorkshopServer())) return;
  const panel = document.createElement("aside");
  panel.className = "workshop-share not-content";
  panel.dataset.workshopShare = "";
  panel.setAttribute("aria-label", "Workshop");
  document.body.append(panel);
  renderPanel(panel);
  document.addEventListener(runFinishedEvent, (event) => report((event as CustomEvent<RunFinishedDetail>).detail));
}

void start();
