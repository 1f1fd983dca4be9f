/**
 * MD5 (RFC 1321) for MD5OfMessageBody / MD5OfMessageAttributes, which the real SDK checks.
 *
 * Hand-written rather than taken from a library on purpose: SendMessage hashes every body on the
 * engine's hot path, and the audited @noble/hashes md5 (used by the tests as the reference this one
 * is checked against) costs ~3.5 us for a short body on the CI machine, which alone would cap the
 * simulator below its 500,000 send/receive/delete cycles per second target. This one encodes UTF-8
 * into a reused buffer, runs unrolled rounds over an Int32Array view, and allocates only the hex
 * string. Synchronous, deterministic, no dependency (SubtleCrypto has no MD5 and is async).
 */
let bytes = new Uint8Array(1024);
let words = new Int32Array(bytes.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** Character codes of "0"-"9", "a"-"f", and a reused buffer for the 32 of a digest (one flat string, no concatenation). */
const HEX_CODES: readonly number[] = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
const hexCodes: number[] = new Array<number>(32).fill(0);

function ensureCapacity(byteLength: number): void {
  if (byteLength <= bytes.length) return;
  let size = bytes.length;
  while (size < byteLength) size *= 2;
  bytes = new Uint8Array(size);
  words = new Int32Array(bytes.buffer);
}

/** UTF-8 encodes `text` into `bytes` from 0; returns the byte length. */
function encodeUtf8(text: string): number {
  ensureCapacity(text.length * 3 + 72);
  const out = bytes;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i += 1;
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[n++] = 0xf0 | (code >> 18);
        out[n++] = 0x80 | ((code >> 12) & 0x3f);
        out[n++] = 0x80 | ((code >> 6) & 0x3f);
        out[n++] = 0x80 | (code & 0x3f);
        continue;
      }
    }
    // A lone surrogate encodes as U+FFFD, as TextEncoder does.
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    out[n++] = 0xe0 | (code >> 12);
    out[n++] = 0x80 | ((code >> 6) & 0x3f);
    out[n++] = 0x80 | (code & 0x3f);
  }
  return n;
}

/** Writes the 4 bytes of `word`, least significant first (MD5's output order), as 8 hex digits from `at`. */
function putWordHex(at: number, word: number): void {
  const out = hexCodes;
  for (let i = 0; i < 4; i++) {
    out[at + 2 * i] = HEX_CODES[(word >>> (8 * i + 4)) & 0xf]!;
    out[at + 2 * i + 1] = HEX_CODES[(word >>> (8 * i)) & 0xf]!;
  }
}

/** The four words of the last digest (A, B, C, D); MD5's output is their bytes, least significant first. */
const state = new Int32Array(4);

/** Pads the `length` bytes in `bytes` and hashes them into `state`. */
function digest(length: number): void {
  const padded = (((length + 8) >> 6) + 1) << 6;
  ensureCapacity(padded);
  const b = bytes;
  b[length] = 0x80;
  b.fill(0, length + 1, padded);
  const w = words;
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < padded; i += 4) w[i >> 2] = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
  }
  w[(padded >> 2) - 2] = length << 3;
  w[(padded >> 2) - 1] = Math.floor(length / 0x20000000);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let o = 0; o < padded >> 2; o += 16) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    a = (a + ((b & c) | (~b & d)) + w[o + 0]! + -680876936) | 0;
    a = (((a << 7) | (a >>> 25)) + b) | 0;
    d = (d + ((a & b) | (~a & c)) + w[o + 1]! + -389564586) | 0;
    d = (((d << 12) | (d >>> 20)) + a) | 0;
    c = (c + ((d & a) | (~d & b)) + w[o + 2]! + 606105819) | 0;
    c = (((c << 17) | (c >>> 15)) + d) | 0;
    b = (b + ((c & d) | (~c & a)) + w[o + 3]! + -1044525330) | 0;
    b = (((b << 22) | (b >>> 10)) + c) | 0;
    a = (a + ((b & c) | (~b & d)) + w[o + 4]! + -176418897) | 0;
    a = (((a << 7) | (a >>> 25)) + b) | 0;
    d = (d + ((a & b) | (~a & c)) + w[o + 5]! + 1200080426) | 0;
    d = (((d << 12) | (d >>> 20)) + a) | 0;
    c = (c + ((d & a) | (~d & b)) + w[o + 6]! + -1473231341) | 0;
    c = (((c << 17) | (c >>> 15)) + d) | 0;
    b = (b + ((c & d) | (~c & a)) + w[o + 7]! + -45705983) | 0;
    b = (((b << 22) | (b >>> 10)) + c) | 0;
    a = (a + ((b & c) | (~b & d)) + w[o + 8]! + 1770035416) | 0;
    a = (((a << 7) | (a >>> 25)) + b) | 0;
    d = (d + ((a & b) | (~a & c)) + w[o + 9]! + -1958414417) | 0;
    d = (((d << 12) | (d >>> 20)) + a) | 0;
    c = (c + ((d & a) | (~d & b)) + w[o + 10]! + -42063) | 0;
    c = (((c << 17) | (c >>> 15)) + d) | 0;
    b = (b + ((c & d) | (~c & a)) + w[o + 11]! + -1990404162) | 0;
    b = (((b << 22) | (b >>> 10)) + c) | 0;
    a = (a + ((b & c) | (~b & d)) + w[o + 12]! + 1804603682) | 0;
    a = (((a << 7) | (a >>> 25)) + b) | 0;
    d = (d + ((a & b) | (~a & c)) + w[o + 13]! + -40341101) | 0;
    d = (((d << 12) | (d >>> 20)) + a) | 0;
    c = (c + ((d & a) | (~d & b)) + w[o + 14]! + -1502002290) | 0;
    c = (((c << 17) | (c >>> 15)) + d) | 0;
    b = (b + ((c & d) | (~c & a)) + w[o + 15]! + 1236535329) | 0;
    b = (((b << 22) | (b >>> 10)) + c) | 0;
    a = (a + ((b & d) | (c & ~d)) + w[o + 1]! + -165796510) | 0;
    a = (((a << 5) | (a >>> 27)) + b) | 0;
    d = (d + ((a & c) | (b & ~c)) + w[o + 6]! + -1069501632) | 0;
    d = (((d << 9) | (d >>> 23)) + a) | 0;
    c = (c + ((d & b) | (a & ~b)) + w[o + 11]! + 643717713) | 0;
    c = (((c << 14) | (c >>> 18)) + d) | 0;
    b = (b + ((c & a) | (d & ~a)) + w[o + 0]! + -373897302) | 0;
    b = (((b << 20) | (b >>> 12)) + c) | 0;
    a = (a + ((b & d) | (c & ~d)) + w[o + 5]! + -701558691) | 0;
    a = (((a << 5) | (a >>> 27)) + b) | 0;
    d = (d + ((a & c) | (b & ~c)) + w[o + 10]! + 38016083) | 0;
    d = (((d << 9) | (d >>> 23)) + a) | 0;
    c = (c + ((d & b) | (a & ~b)) + w[o + 15]! + -660478335) | 0;
    c = (((c << 14) | (c >>> 18)) + d) | 0;
    b = (b + ((c & a) | (d & ~a)) + w[o + 4]! + -405537848) | 0;
    b = (((b << 20) | (b >>> 12)) + c) | 0;
    a = (a + ((b & d) | (c & ~d)) + w[o + 9]! + 568446438) | 0;
    a = (((a << 5) | (a >>> 27)) + b) | 0;
    d = (d + ((a & c) | (b & ~c)) + w[o + 14]! + -1019803690) | 0;
    d = (((d << 9) | (d >>> 23)) + a) | 0;
    c = (c + ((d & b) | (a & ~b)) + w[o + 3]! + -187363961) | 0;
    c = (((c << 14) | (c >>> 18)) + d) | 0;
    b = (b + ((c & a) | (d & ~a)) + w[o + 8]! + 1163531501) | 0;
    b = (((b << 20) | (b >>> 12)) + c) | 0;
    a = (a + ((b & d) | (c & ~d)) + w[o + 13]! + -1444681467) | 0;
    a = (((a << 5) | (a >>> 27)) + b) | 0;
    d = (d + ((a & c) | (b & ~c)) + w[o + 2]! + -51403784) | 0;
    d = (((d << 9) | (d >>> 23)) + a) | 0;
    c = (c + ((d & b) | (a & ~b)) + w[o + 7]! + 1735328473) | 0;
    c = (((c << 14) | (c >>> 18)) + d) | 0;
    b = (b + ((c & a) | (d & ~a)) + w[o + 12]! + -1926607734) | 0;
    b = (((b << 20) | (b >>> 12)) + c) | 0;
    a = (a + (b ^ c ^ d) + w[o + 5]! + -378558) | 0;
    a = (((a << 4) | (a >>> 28)) + b) | 0;
    d = (d + (a ^ b ^ c) + w[o + 8]! + -2022574463) | 0;
    d = (((d << 11) | (d >>> 21)) + a) | 0;
    c = (c + (d ^ a ^ b) + w[o + 11]! + 1839030562) | 0;
    c = (((c << 16) | (c >>> 16)) + d) | 0;
    b = (b + (c ^ d ^ a) + w[o + 14]! + -35309556) | 0;
    b = (((b << 23) | (b >>> 9)) + c) | 0;
    a = (a + (b ^ c ^ d) + w[o + 1]! + -1530992060) | 0;
    a = (((a << 4) | (a >>> 28)) + b) | 0;
    d = (d + (a ^ b ^ c) + w[o + 4]! + 1272893353) | 0;
    d = (((d << 11) | (d >>> 21)) + a) | 0;
    c = (c + (d ^ a ^ b) + w[o + 7]! + -155497632) | 0;
    c = (((c << 16) | (c >>> 16)) + d) | 0;
    b = (b + (c ^ d ^ a) + w[o + 10]! + -1094730640) | 0;
    b = (((b << 23) | (b >>> 9)) + c) | 0;
    a = (a + (b ^ c ^ d) + w[o + 13]! + 681279174) | 0;
    a = (((a << 4) | (a >>> 28)) + b) | 0;
    d = (d + (a ^ b ^ c) + w[o + 0]! + -358537222) | 0;
    d = (((d << 11) | (d >>> 21)) + a) | 0;
    c = (c + (d ^ a ^ b) + w[o + 3]! + -722521979) | 0;
    c = (((c << 16) | (c >>> 16)) + d) | 0;
    b = (b + (c ^ d ^ a) + w[o + 6]! + 76029189) | 0;
    b = (((b << 23) | (b >>> 9)) + c) | 0;
    a = (a + (b ^ c ^ d) + w[o + 9]! + -640364487) | 0;
    a = (((a << 4) | (a >>> 28)) + b) | 0;
    d = (d + (a ^ b ^ c) + w[o + 12]! + -421815835) | 0;
    d = (((d << 11) | (d >>> 21)) + a) | 0;
    c = (c + (d ^ a ^ b) + w[o + 15]! + 530742520) | 0;
    c = (((c << 16) | (c >>> 16)) + d) | 0;
    b = (b + (c ^ d ^ a) + w[o + 2]! + -995338651) | 0;
    b = (((b << 23) | (b >>> 9)) + c) | 0;
    a = (a + (c ^ (b | ~d)) + w[o + 0]! + -198630844) | 0;
    a = (((a << 6) | (a >>> 26)) + b) | 0;
    d = (d + (b ^ (a | ~c)) + w[o + 7]! + 1126891415) | 0;
    d = (((d << 10) | (d >>> 22)) + a) | 0;
    c = (c + (a ^ (d | ~b)) + w[o + 14]! + -1416354905) | 0;
    c = (((c << 15) | (c >>> 17)) + d) | 0;
    b = (b + (d ^ (c | ~a)) + w[o + 5]! + -57434055) | 0;
    b = (((b << 21) | (b >>> 11)) + c) | 0;
    a = (a + (c ^ (b | ~d)) + w[o + 12]! + 1700485571) | 0;
    a = (((a << 6) | (a >>> 26)) + b) | 0;
    d = (d + (b ^ (a | ~c)) + w[o + 3]! + -1894986606) | 0;
    d = (((d << 10) | (d >>> 22)) + a) | 0;
    c = (c + (a ^ (d | ~b)) + w[o + 10]! + -1051523) | 0;
    c = (((c << 15) | (c >>> 17)) + d) | 0;
    b = (b + (d ^ (c | ~a)) + w[o + 1]! + -2054922799) | 0;
    b = (((b << 21) | (b >>> 11)) + c) | 0;
    a = (a + (c ^ (b | ~d)) + w[o + 8]! + 1873313359) | 0;
    a = (((a << 6) | (a >>> 26)) + b) | 0;
    d = (d + (b ^ (a | ~c)) + w[o + 15]! + -30611744) | 0;
    d = (((d << 10) | (d >>> 22)) + a) | 0;
    c = (c + (a ^ (d | ~b)) + w[o + 6]! + -1560198380) | 0;
    c = (((c << 15) | (c >>> 17)) + d) | 0;
    b = (b + (d ^ (c | ~a)) + w[o + 13]! + 1309151649) | 0;
    b = (((b << 21) | (b >>> 11)) + c) | 0;
    a = (a + (c ^ (b | ~d)) + w[o + 4]! + -145523070) | 0;
    a = (((a << 6) | (a >>> 26)) + b) | 0;
    d = (d + (b ^ (a | ~c)) + w[o + 11]! + -1120210379) | 0;
    d = (((d << 10) | (d >>> 22)) + a) | 0;
    c = (c + (a ^ (d | ~b)) + w[o + 2]! + 718787259) | 0;
    c = (((c << 15) | (c >>> 17)) + d) | 0;
    b = (b + (d ^ (c | ~a)) + w[o + 9]! + -343485551) | 0;
    b = (((b << 21) | (b >>> 11)) + c) | 0;
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  state[0] = a0;
  state[1] = b0;
  state[2] = c0;
  state[3] = d0;
}

/** Hashes a string (as UTF-8) or bytes into `state`. */
function hash(input: Uint8Array | string): void {
  if (typeof input === "string") return digest(encodeUtf8(input));
  ensureCapacity(input.length + 72);
  bytes.set(input, 0);
  digest(input.length);
}

/** Lowercase hex MD5 of a string (hashed as UTF-8) or of bytes. */
export function md5Hex(input: Uint8Array | string): string {
  hash(input);
  for (let word = 0; word < 4; word++) putWordHex(8 * word, state[word]!);
  return String.fromCharCode.apply(null, hexCodes);
}

/** The 16 bytes of the MD5 of a string (hashed as UTF-8) or of bytes. */
export function md5Bytes(input: Uint8Array | string): Uint8Array {
  hash(input);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (state[i >> 2]! >>> (8 * (i & 3))) & 0xff;
  return out;
}
