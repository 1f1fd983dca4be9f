/**
 * Fast ids from the sandbox's seeded random stream: message ids (RFC 4122 v4 UUIDs), receipt
 * handle nonces and queue tags. These run on every send/receive, and message ids live as long as
 * the trace: so each id is written as character codes into a reused buffer and made into one flat
 * string (concatenating pieces would leave a tree of cons strings for the garbage collector).
 */
import type { SeededRandom } from "../random/seeded-random.ts";

/** Character codes of "0"-"9", "a"-"f". */
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
const DASH = 0x2d;
/** One reused buffer per id length (fromCharCode.apply reads the whole array). */
const uuidCodes: number[] = new Array<number>(36).fill(0);

function uint32(random: SeededRandom): number {
  // next() is a uint32 divided by 2^32, so this recovers it exactly.
  return (random.next() * 4294967296) >>> 0;
}

/** Writes the 8 hex digits of `word` into `out` from `at`. */
function putWord(out: number[], at: number, word: number): void {
  for (let k = at + 7; k >= at; k--) {
    out[k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
}

/** Writes the hex digits of `word` with a dash after the first four (xxxx-xxxx) into `out` from `at`. */
function putSplitWord(out: number[], at: number, word: number): void {
  for (let k = at + 8; k > at + 4; k--) {
    out[k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
  out[at + 4] = DASH;
  for (let k = at + 3; k >= at; k--) {
    out[k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
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
  for (let i = 0; i < words; i++) putWord(codes, at + i * 8, uint32(random));
  return codesToString(codes);
}

/** An RFC 4122 version 4 UUID (section 4.4: version nibble 4, variant bits 10xx). */
export function randomUuid(random: SeededRandom): string {
  const a = uint32(random);
  const b = uint32(random);
  const c = uint32(random);
  const d = uint32(random);
  const codes = uuidCodes;
  // aaaaaaaa-bbbb-4bbb-cccc-ccccdddddddd
  putWord(codes, 0, a);
  codes[8] = DASH;
  putSplitWord(codes, 9, ((b & 0xffff0fff) | 0x4000) >>> 0);
  codes[18] = DASH;
  putSplitWord(codes, 19, ((c & 0x3fffffff) | 0x80000000) >>> 0);
  putWord(codes, 28, d);
  return codesToString(codes);
}
