/**
 * `npm run workshop`: serves the built course to the room from this laptop.
 *
 *   npm run workshop                 build once if dist/ is missing, serve on port 8080
 *   npm run workshop -- --port 3000  another port
 *   npm run workshop -- --rebuild    build again first (after pulling new lessons)
 *
 * Prints the address to share (and a QR code for it) and the host's dashboard link with its token. Reports of
 * learners who share progress go to workshop/reports.sqlite and survive a restart.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import QRCode from "qrcode";
import { readAllExercises } from "../src/lib/exercises/read-exercise.ts";
import { startWorkshopServer } from "./workshop/workshop-server.ts";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const distDir = join(repoRoot, "dist");
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    rebuild: { type: "boolean", default: false },
    data: { type: "string", default: join(repoRoot, "workshop/reports.sqlite") },
  },
});

if (values.rebuild || !existsSync(join(distDir, "index.html"))) {
  console.log("Building the course into dist/ (once; `npm run workshop -- --rebuild` builds again)...");
  execFileSync(process.execPath, [join(repoRoot, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

const exercises = await readAllExercises(join(repoRoot, "src/content/exercises"));
const server = await startWorkshopServer({
  distDir,
  dataFile: values.data,
  exerciseIds: exercises.map((exercise) => exercise.id),
  port: Number(values.port),
});

const url = `http://${lanAddress()}:${server.port}/`;
console.log(`\nEventLab is served to the room at\n\n  ${url}\n`);
console.log(await QRCode.toString(url, { type: "terminal", small: true }));
console.log(`Host dashboard (keep this link to yourself):\n\n  ${url}host?token=${server.token}\n`);
console.log(`Reports of learners who share progress are kept in ${values.data}.`);
console.log("Press Ctrl+C to stop.");

process.on("SIGINT", () => void server.close().then(() => process.exit(0)));

/** The address the room can reach: this machine's first IPv4 address on a real network, else localhost. */
function lanAddress(): string {
  const addresses = Object.values(networkInterfaces()).flat();
  return addresses.find((address) => address && address.family === "IPv4" && !address.internal)?.address ?? "localhost";
}
