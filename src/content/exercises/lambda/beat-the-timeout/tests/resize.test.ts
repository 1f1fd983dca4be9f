import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { handler } from "./resize";
import { resizedImages } from "./images";

let sb: ReturnType<typeof createSandbox>;
let lambda: LambdaClient;

const ids = (n: number) => Array.from({ length: n }, (_, i) => `img-${i + 1}`);

beforeEach(() => {
  sb = createSandbox({ seed: 2 });
  lambda = new LambdaClient({});
  resizedImages.length = 0;
  // The AWS defaults: 3-second timeout, 128 MB of memory.
  sb.lambda.createFunction({ FunctionName: "resize-images", Handler: "resize.handler", handler: handler as never });
});

async function invoke(imageIds: string[]) {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: "resize-images", Payload: new TextEncoder().encode(JSON.stringify({ imageIds })) }),
  );
  return { ...out, body: JSON.parse(new TextDecoder().decode(out.Payload)) };
}

describe("the resize-images handler", () => {
  it("resizes a small batch well within the timeout", async () => {
    const out = await invoke(ids(3));
    expect(out.FunctionError, `the invocation failed: ${JSON.stringify(out.body)}`).toBeUndefined();
    expect(out.body.resized, "3 images take 2.1 s, which fits in the 3-second timeout").toEqual(ids(3));
    expect(out.body.remaining, "nothing is left over").toEqual([]);
  });

  it("stops before the 3-second timeout and returns the images it did not start", async () => {
    const out = await invoke(ids(10));
    expect(
      out.FunctionError,
      `Lambda stopped the invocation: ${out.body.errorMessage ?? JSON.stringify(out.body)}. ` +
        `${resizedImages.length} images were resized, then the 3-second timeout ended the run and its result was ` +
        "lost. Check context.getRemainingTimeInMillis() before each image and stop while there is time to answer",
    ).toBeUndefined();
    expect(
      out.body.resized,
      "after 3 images (2.1 s) only 900 ms are left, less than SAFETY_MS, so the handler stops there",
    ).toEqual(ids(3));
    expect(out.body.remaining, "the other 7 images go back to the caller, in order").toEqual(ids(10).slice(3));
    expect(sb.lambda.logText("resize-images"), "the log has no 'Task timed out' line").not.toContain("Task timed out");
  });

  it("uses a longer timeout when the function is configured with one", async () => {
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "resize-images", Timeout: 10 }));
    const out = await invoke(ids(20));
    expect(out.FunctionError, `the invocation failed: ${out.body.errorMessage ?? JSON.stringify(out.body)}`).toBeUndefined();
    expect(
      out.body.resized.length,
      `with Timeout 10 the handler could resize 13 images, but it resized ${out.body.resized?.length}: read the ` +
        "deadline from the context instead of assuming 3 seconds",
    ).toBe(13);
    expect(out.body.remaining, "the rest comes back").toEqual(ids(20).slice(13));
  });
});
