import type { LambdaContext } from "sandbox-engine";
import { resizeImage } from "./images";

export const SAFETY_MS = 1_000;

export interface ResizeRequest {
  imageIds: string[];
}

export interface ResizeResult {
  resized: string[];
  remaining: string[];
}

export async function handler(event: ResizeRequest, context: LambdaContext): Promise<ResizeResult> {
  const resized: string[] = [];
  const remaining: string[] = [];
  for (const [i, imageId] of event.imageIds.entries()) {
    // Ask the context, not a constant: the Timeout is configuration.
    if (context.getRemainingTimeInMillis() <= SAFETY_MS) {
      remaining.push(...event.imageIds.slice(i));
      break;
    }
    await resizeImage(imageId);
    resized.push(imageId);
  }
  return { resized, remaining };
}
