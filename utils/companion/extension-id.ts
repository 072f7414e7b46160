import { sha256 } from '@noble/hashes/sha2.js';

/**
 * A Chrome extension's id from the manifest `key` (base64 of the DER SubjectPublicKeyInfo): the first 128 bits of
 * the key's SHA-256, each hex digit 0-f written as a letter a-p. With a `key` the id of an unpacked build no
 * longer depends on its folder, so the native host manifest can name it (`allowed_origins`).
 */
export function chromeExtensionId(publicKeyBase64: string): string {
  const der = Uint8Array.from(atob(publicKeyBase64.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  const digest = sha256(der).slice(0, 16);
  return Array.from(digest, (byte) => letter(byte >> 4) + letter(byte & 0xf)).join('');
}

/**
 * The id of Diffuse's Chrome builds, from CHROME_PUBLIC_KEY in wxt.config.ts (a test checks the two agree):
 * what the companion's installer allows.
 */
export const DIFFUSE_CHROME_EXTENSION_ID = 'inkjnfeobkcpmjimmmdcfnlkahidejon';

/** Firefox's extension id (the gecko id in wxt.config.ts): what the companion's installer allows there. */
export const DIFFUSE_GECKO_ID = 'diffuse@diffuse.invalid';

function letter(nibble: number): string {
  return String.fromCharCode(0x61 + nibble);
}
