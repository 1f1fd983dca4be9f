import { loadResult, progressChangedEvent } from "./progress-storage.ts";

/**
 * `<eventlab-sidebar-progress>`: draws the learner's progress onto Starlight's sidebar: a check after each lesson
 * whose exercises all pass (lessons without exercises get none), a bar per module, and one for the course.
 * Redrawn when a run stores a verdict on this page or another tab changes the store.
 */
class SidebarProgressElement extends HTMLElement {
  private readonly redraw = () => this.draw();

  connectedCallback(): void {
    this.draw();
    window.addEventListener(progressChangedEvent, this.redraw);
    window.addEventListener("storage", this.redraw);
  }

  disconnectedCallback(): void {
    window.removeEventListener(progressChangedEvent, this.redraw);
    window.removeEventListener("storage", this.redraw);
  }

  private draw(): void {
    const byPath: Record<string, string[]> = JSON.parse(this.querySelector("script[data-lesson-exercises]")?.textContent ?? "{}");
    const passed = (id: string) => loadResult(id)?.status === "pass";
    for (const link of this.querySelectorAll<HTMLAnchorElement>("a[href]")) {
      const ids = byPath[new URL(link.href).pathname];
      link.querySelector("[data-progress-check]")?.remove();
      if (!ids?.every(passed)) continue;
      const help = ids.some((id) => loadResult(id)?.help);
      link.append(check(help ? "all exercises passed, some with help" : "all exercises passed"));
    }
    for (const group of this.querySelectorAll<HTMLDetailsElement>("details")) {
      const label = group.querySelector("summary")?.textContent?.trim() ?? "";
      const ids = exerciseIds(group, byPath);
      group.querySelector(":scope > [data-module-progress]")?.remove();
      if (!ids.length) continue;
      const bar = progressBar(`${label}: ${ids.filter(passed).length} of ${ids.length} exercises passed`, ids.filter(passed).length, ids.length);
      bar.dataset.moduleProgress = "";
      bar.className = "eventlab-module-progress";
      group.querySelector("summary")!.after(bar);
    }
    const all = Object.values(byPath).flat();
    const course = this.querySelector<HTMLElement>("[data-course-progress]")!;
    course.replaceChildren(progressBar(`Course: ${all.filter(passed).length} of ${all.length} exercises passed`, all.filter(passed).length, all.length));
    course.hidden = all.length === 0;
  }
}

function exerciseIds(group: Element, byPath: Record<string, string[]>): string[] {
  return [...group.querySelectorAll<HTMLAnchorElement>("a[href]")].flatMap((link) => byPath[new URL(link.href).pathname] ?? []);
}

function check(label: string): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "eventlab-check";
  mark.dataset.progressCheck = "";
  mark.setAttribute("role", "img");
  mark.setAttribute("aria-label", label);
  mark.title = label;
  mark.textContent = "✓";
  return mark;
}

function progressBar(text: string, value: number, max: number): HTMLElement {
  const wrapper = document.createElement("div");
  const label = document.createElement("span");
  label.textContent = text;
  const bar = document.createElement("progress");
  bar.className = "eventlab-progress-bar";
  bar.max = max;
  bar.value = value;
  bar.setAttribute("aria-label", text);
  wrapper.append(label, bar);
  return wrapper;
}

customElements.define("eventlab-sidebar-progress", SidebarProgressElement);
