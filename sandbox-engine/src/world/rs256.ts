/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 section 8.2) for the sandbox's token issuer, with BigInt
 * arithmetic, so tokens are signed and checked synchronously and the same in Node and in the runner's Worker.
 * The key below is a test key made for the sandbox (it protects nothing): every simulated issuer publishes it
 * in its key set, so a token that was not issued by the sandbox fails the signature check, as on AWS.
 */
import { sha256 } from "@noble/hashes/sha2.js";

/** The public half, as a JWKS entry. */
export const SANDBOX_SIGNING_KEY = {
  kid: "eventlab-sandbox-1",
  kty: "RSA",
  alg: "RS256",
  use: "sig",
  n: "0FZvvP4fxhnBTPftYoNJ8fokVVy4B86G8orftgwnacvzHCd3D3hbciOiw1Z3boGMrxTXg6fJuFzxPbqxR-QkPgUb7imz0XP-shM8lJECk7QVoh2O2idRlIiE2c0L6l7mnjy8nlaaJ0VtV1N2xUfyJgHD-6R33wdARaQxNqKGu494jlI2Z4OMpslqDyttJZSES4sDqlADQYu6W1xEk9pvyWr6XvcDEtidOLWr_2o3gmSxHNNNCxIhz0ZcnpKlAhdh534Tytp6IkfiwZphSZDg4xkMYy6KChwjgD-wrlq6NONeJsU57eyZpWbyP4B8jRJrb09jxplyFPOPpcH-bpxiUQ",
  e: "AQAB",
} as const;

/** The private exponent (base64url), for signing. */
const PRIVATE_EXPONENT = "B1NqxXIIKv6f2fWD3ulv8bbSjT_f5sJf42p3uF6QCjvWNiC7IougZ5CSOh0xwOyERmnMtD_zq2x1PS7x6e2_SoECfOrxfEWAaMGdaTn6Jbh45ET2z3v_deIhDcmUiC7DHEBVf5na_NOHp0DzlbdUb_qy6gfcATcvjuNZqaqoYzL1jvGJAbSd7WB_LwC9ENAkJSYvo50SA1ly6c_79kGU8Z7_JJklDBdTCbrF_3PwmahB1rZsKejNPZbGRHVaJ639xeBwpNIKPYIKScU-d9-vEJMxdEFPn7W8zYA3_D8XeVhPL9YazR5JFPP7WzFSxrvbC3gW1DHYbpf_f9rzn5v_-Q";

/** DigestInfo prefix of SHA-256 (RFC 8017 section 9.2, note 1). */
const SHA256_PREFIX = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

export function base64UrlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0));
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toBytes(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, value >>= 8n) bytes[i] = Number(value & 0xffn);
  return bytes;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  for (; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
  }
  return result;
}

const modulusBytes = base64UrlToBytes(SANDBOX_SIGNING_KEY.n);
const modulus = toBigInt(modulusBytes);
const publicExponent = toBigInt(base64UrlToBytes(SANDBOX_SIGNING_KEY.e));
const privateExponent = toBigInt(base64UrlToBytes(PRIVATE_EXPONENT));

/** EMSA-PKCS1-v1_5 encoding of the message's SHA-256 digest, as a number below the modulus. */
function encoded(message: Uint8Array): bigint {
  const digestInfo = [...SHA256_PREFIX, ...sha256(message)];
  const padding = new Array<number>(modulusBytes.length - digestInfo.length - 3).fill(0xff);
  return toBigInt(Uint8Array.from([0x00, 0x01, ...padding, 0x00, ...digestInfo]));
}

export function signRs256(message: Uint8Array): Uint8Array {
  return toBytes(modPow(encoded(message), privateExponent, modulus), modulusBytes.length);
}

export function verifyRs256(message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== modulusBytes.length) return false;
  const value = toBigInt(signature);
  return value < modulus && modPow(value, publicExponent, modulus) === encoded(message);
}
