/**
 * Paths of `engine` (what an engine call answered) that are missing from `sdk` (what the SDK gave the caller): a
 * field the SDK's model does not know, e.g. a misspelt name, is dropped silently by its deserializer.
 */
export function droppedFields(engine: unknown, sdk: unknown, path = ""): string[] {
  if (engine === null || typeof engine !== "object" || engine instanceof Uint8Array || engine instanceof Date) return [];
  if (sdk === null || typeof sdk !== "object") return [path || "(root)"];
  return Object.entries(engine).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const sdkValue = (sdk as Record<string, unknown>)[key];
    if (sdkValue === undefined) return [`${path}${key}`];
    return droppedFields(value, sdkValue, `${path}${key}.`);
  });
}
