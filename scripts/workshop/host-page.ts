/**
 * The host's dashboard: the room as a grid, learners by exercises, refreshed every two seconds. Learner names
 * go in with textContent only, so a name can never become markup.
 */
export function hostPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>EventLab workshop: the room</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1f; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #c9c9d1; padding: 0.3rem 0.5rem; text-align: center; white-space: nowrap; }
  th[scope="row"] { text-align: left; }
  thead th { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500; }
  td[data-status="pass"] { background: #d7f5dd; }
  td[data-status="fail"] { background: #fde2c8; }
  td[data-status="error"] { background: #f9d0d0; }
  [data-updated] { color: #55556a; }
</style>
</head>
<body>
<h1>The room</h1>
<p>Learners who chose to share their progress, with their latest verdict on each exercise.
  <span data-updated aria-live="polite"></span></p>
<table data-room><thead></thead><tbody></tbody></table>
<p data-empty>No learner has shared progress yet.</p>
<script type="module">
const token = new URLSearchParams(location.search).get("token") ?? "";
const table = document.querySelector("[data-room]");
const symbol = { pass: "\\u2713", fail: "\\u2717", error: "!" };
function cell(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
async function refresh() {
  const response = await fetch("/api/workshop/room", { headers: { authorization: "Bearer " + token }, cache: "no-store" });
  if (!response.ok) {
    document.querySelector("[data-updated]").textContent = "Could not read the room (" + response.status + ").";
    return;
  }
  const room = await response.json();
  const head = document.createElement("tr");
  head.append(cell("td", ""), ...room.exercises.map((id) => cell("th", id, { scope: "col" })));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...room.learners.map((learner) => {
    const row = document.createElement("tr");
    row.dataset.learner = learner.name;
    row.append(cell("th", learner.name, { scope: "row" }));
    for (const id of room.exercises) {
      const verdict = learner.cells[id];
      row.append(verdict
        ? cell("td", symbol[verdict.status] + " " + verdict.testsPassed + "/" + verdict.testsTotal, {
            "data-cell": id, "data-status": verdict.status,
            title: verdict.runs + " run(s), last at " + new Date(verdict.receivedAt).toLocaleTimeString(),
          })
        : cell("td", "", { "data-cell": id, "data-status": "none" }));
    }
    return row;
  }));
  document.querySelector("[data-empty]").hidden = room.learners.length > 0;
  document.querySelector("[data-updated]").textContent = "Updated " + new Date().toLocaleTimeString() + ".";
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;
}

export function hostTokenMissingPage(tokenGiven: boolean): string {
  const why = tokenGiven ? "That token is not this server's." : "The dashboard needs the host token.";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>EventLab workshop: host token needed</title></head>
<body><h1>Host token needed</h1><p>${why} Open the host link that <code>npm run workshop</code> printed when it
started (it ends in <code>/host?token=...</code>).</p></body></html>
`;
}
