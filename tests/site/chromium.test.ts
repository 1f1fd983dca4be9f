import { describe, expect, it } from "vitest";
import { findChromium } from "../support/chromium.ts";

describe("finding Chromium for the browser tests", () => {
  it("says how to install a browser when none is found, instead of skipping", () => {
    expect(() => findChromium(undefined, ["/nonexistent/chromium"])).toThrow(/apt-get install chromium[\s\S]*CHROME_PATH/);
  });

  it("names a CHROME_PATH that points nowhere", () => {
    expect(() => findChromium("/nonexistent/chrome")).toThrow("CHROME_PATH is set to /nonexistent/chrome, but no file is there.");
  });

  it("uses CHROME_PATH when it points at a file", () => {
    expect(findChromium(process.execPath)).toBe(process.execPath);
  });
});
