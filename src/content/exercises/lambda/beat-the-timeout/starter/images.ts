// The image service the function calls. Each resize takes 700 ms
// (of the sandbox's virtual time, so tests run instantly).
import { currentSandbox } from "sandbox-engine";

export const RESIZE_MS = 700;

/** Ids of the images resized so far (what the tests look at). */
export const resizedImages: string[] = [];

export async function resizeImage(imageId: string): Promise<void> {
  await currentSandbox().clock.sleep(RESIZE_MS);
  resizedImages.push(imageId);
}
