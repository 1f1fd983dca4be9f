/** Fired (bubbling) by an exercise when a run ends with a verdict; the workshop reporter listens for it. */
export const runFinishedEvent = "eventlab:run-finished";

export interface RunFinishedDetail {
  exerciseId: string;
  status: "pass" | "fail" | "error";
  testsPassed: number;
  testsTotal: number;
  durationMs: number;
}
