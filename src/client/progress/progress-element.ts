import { exportProgress, importProgress, loadResult, progressLabel } from "./progress-storage.ts";

const verdictMark = { pass: "✓", fail: "✗", error: "!" } as const;

/** `<eventlab-progress>`: shows each exercise's latest verdict and moves the learner's work in and out as a file. */
class ProgressElement extends HTMLElement {
  connectedCallback(): void {
    this.showVerdicts();
    this.querySelector<HTMLButtonElement>('[data-action="export"]')!.addEventListener("click", () => this.download());
    this.querySelector<HTMLInputElement>('[data-action="import"]')!.addEventListener("change", (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void file.text().then((text) => this.import(text));
    });
  }

  private showVerdicts(): void {
    for (const row of this.querySelectorAll<HTMLElement>("[data-progress-exercise]")) {
      const result = loadResult(row.dataset.progressExercise ?? "");
      const cell = row.querySelector<HTMLElement>("[data-progress-status]")!;
      cell.dataset.status = result?.status ?? "none";
      if (result?.help) cell.dataset.help = result.help;
      cell.textContent = result
        ? `${verdictMark[result.status]} ${progressLabel(result)} (${new Date(result.at).toLocaleString()})`
        : progressLabel(result);
    }
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob([exportProgress()], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `eventlab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say("Your drafts and verdicts were exported to a file.");
  }

  private import(text: string): void {
    const outcome = importProgress(text);
    if (!outcome.ok) {
      this.say(outcome.error);
      return;
    }
    const skipped = outcome.skipped.length ? ` ${outcome.skipped.length} unreadable entries were left out.` : "";
    this.say(`Imported ${outcome.drafts} drafts and ${outcome.results} verdicts. Drafts they replaced were kept as backups.${skipped}`);
    this.showVerdicts();
  }

  private say(message: string): void {
    this.querySelector("[data-progress-message]")!.textContent = message;
  }
}

customElements.define("eventlab-progress", ProgressElement);
