/**
 * Fast ids from the sandbox's seeded random stream: receipt handle nonces and queue tags (message ids are
 * the generator's own `uuid()`, written the same way). These run on every send/receive, and message ids live as long as
 * the trace: so each id is written as character codes into a reused buffer and made into one flat
 * string (concatenating pieces would leave a tree of cons strings for the garbage collector).
 */
import { putHex, type SeededRandom } from "../random/seeded-random.ts";

function uint32(random: SeededRandom): number {
  // next() is a uint32 divided by 2^32, so this recovers it exactly.
  return (random.next() * 4294967296) >>> 0;
}

function codesToString(codes: readonly number[]): string {
  return String.fromCharCode.apply(null, codes as number[]);
}

/** `words * 8` lowercase hex characters. */
export function randomHex(random: SeededRandom, words: number): string {
  return fillHex(prefixedBuffer("", words), 0, random, words);
}

/** A buffer for ids made of `prefix` and `words` random words, the prefix already written. */
export function prefixedBuffer(prefix: string, words: number): number[] {
  const codes = new Array<number>(prefix.length + words * 8).fill(0);
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  return codes;
}

/** Writes `words` random words as hex into `codes` from `at`; returns all of `codes` as one flat string. */
export function fillHex(codes: number[], at: number, random: SeededRandom, words: number): string {
  for (let i = 0; i < words; i++) putHex(codes, at + i * 8, uint32(random), 8);
  return codesToString(codes);
}
