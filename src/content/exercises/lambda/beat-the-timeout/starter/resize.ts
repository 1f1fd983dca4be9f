import type { LambdaContext } from "sandbox-engine";
import { resizeImage } from "./images";

/** Stop starting new work when less than this is left. */
export const SAFETY_MS = 1_000;

export interface ResizeRequest {
  imageIds: string[];
}

export interface ResizeResult {
  /** Images resized by this invocation. */
  resized: string[];
  /** Images not started: the caller sends them again. */
  remaining: string[];
}

/**
 * Handler "resize.handler". The function runs with a 3-second
 * timeout; a resize takes 700 ms, so 10 images do not fit.
 * An invocation still running at its timeout is stopped: its
 * result is lost and the caller gets "Task timed out".
 */
export async function handler(event: ResizeRequest, context: LambdaContext): Promise<ResizeResult> {
  const resized: string[] = [];
  const remaining: string[] = [];
  for (const imageId of event.imageIds) {
    // TODO: before each image, check
    //   context.getRemainingTimeInMillis(). When it is SAFETY_MS
    //   or less, put this image and every later one in
    //   `remaining`, and stop.
    await resizeImage(imageId);
    resized.push(imageId);
  }
  return { resized, remaining };
}
