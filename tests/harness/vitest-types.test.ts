import { describe, expect, it } from "vitest";
import { createHarness, type VitestTypes } from "sandbox-engine/harness";

// The editor types "vitest" with VitestTypes; the runner hands out createHarness().api. They must name the same
// things, or a learner would be offered (or denied) functions the runner does not (or does) have.
const typedNames: Record<keyof VitestTypes, true> = {
  describe: true,
  suite: true,
  it: true,
  test: true,
  expect: true,
  assert: true,
  vi: true,
  beforeAll: true,
  afterAll: true,
  beforeEach: true,
  afterEach: true,
  onTestFinished: true,
  onTestFailed: true,
};

describe("the typed vitest API of exercises", () => {
  it("matches what the runner provides, name for name", () => {
    const provided = Object.keys(createHarness().api).filter((name) => name !== "__esModule");
    expect(provided.sort()).toEqual(Object.keys(typedNames).sort());
  });
});
