import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const systemLocations = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Where Chromium is: `CHROME_PATH` if set, else the usual system locations. Throws how to get one if none. */
export function findChromium(fromEnv = process.env.CHROME_PATH, candidates = systemLocations): string {
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      "The browser tests need Chrome or Chromium, and none was found.",
      "Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome),",
      "or point CHROME_PATH at a Chrome/Chromium binary, then run `npm test` again.",
    ].join("\n"),
  );
}

/**
 * Headless Chromium as this workplace runs it: no sandbox as root, and no background networking, so the browser
 * itself never tries to reach the internet (the tests check that the page does not either).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
