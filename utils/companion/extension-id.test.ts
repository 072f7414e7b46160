import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeExtensionId, DIFFUSE_CHROME_EXTENSION_ID } from './extension-id';

/** The id as Chrome computes it, written independently with node:crypto. */
function referenceId(der: Buffer): string {
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

describe('chromeExtensionId', () => {
  it('is the first 128 bits of the key\'s SHA-256 in letters a-p', () => {
    const der = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' });
    const id = chromeExtensionId(der.toString('base64'));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(id).toBe(referenceId(der));
  });
  it('matches the key in wxt.config.ts', () => {
    const config = readFileSync(new URL('../../wxt.config.ts', import.meta.url), 'utf8');
    const key = /CHROME_PUBLIC_KEY\s*=\s*'([A-Za-z0-9+/=]+)'/.exec(config)?.[1];
    expect(key).toBeDefined();
    expect(chromeExtensionId(key!)).toBe(DIFFUSE_CHROME_EXTENSION_ID);
    expect(DIFFUSE_CHROME_EXTENSION_ID).toBe(referenceId(Buffer.from(key!, 'base64')));
  });
});
