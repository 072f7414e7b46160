/**
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) under the per-install secret, through WebCrypto, which Chrome's service
 * worker, Firefox and Node 20 all provide as `crypto.subtle`. Keying the hash means neither an on-path observer
 * can predict which resolver gets a site, nor can anyone holding the stored ledger test it for a site.
 */

/** 128 bits: below that the secret could be guessed; `crypto.getRandomValues(new Uint8Array(32))` is the intent. */
export const MIN_SECRET_BYTES = 16;

/** Entries kept by the memo; beyond that the oldest go. Bounds memory for long sessions. */
const MEMO_SIZE = 4096;

const encoder = new TextEncoder();

export class KeyedHasher {
  private readonly memo = new Map<string, Promise<Uint8Array>>();

  private constructor(
    private readonly key: CryptoKey,
    private readonly subtle: SubtleCrypto,
  ) {}

  static async create(secret: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<KeyedHasher> {
    if (!(secret instanceof Uint8Array) || secret.length < MIN_SECRET_BYTES) {
      throw new Error(`The per-install secret must be at least ${MIN_SECRET_BYTES} random bytes.`);
    }
    const key = await subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new KeyedHasher(key, subtle);
  }

  /**
   * A hasher under a key derived for `label` (HMAC as a PRF, as in HKDF-Expand, RFC 5869), so hashes for one
   * purpose say nothing about hashes for another.
   */
  async derive(label: string): Promise<KeyedHasher> {
    const bytes = await this.digest('derive', label);
    return KeyedHasher.create(bytes, this.subtle);
  }

  /** HMAC of `purpose` NUL `text`: the purpose separates uses of one key from each other. Memoised. */
  digest(purpose: string, text: string): Promise<Uint8Array> {
    const input = `${purpose}\u0000${text}`;
    let result = this.memo.get(input);
    if (!result) {
      result = this.subtle.sign('HMAC', this.key, encoder.encode(input)).then((mac) => new Uint8Array(mac));
      if (this.memo.size >= MEMO_SIZE) {
        const oldest = this.memo.keys().next();
        if (!oldest.done) this.memo.delete(oldest.value);
      }
      this.memo.set(input, result);
    }
    return result;
  }

  /** The first `bytes` octets of the digest in hex; 16 octets (128 bits) keep collisions out of reach. */
  async hex(purpose: string, text: string, bytes = 16): Promise<string> {
    const digest = await this.digest(purpose, text);
    let out = '';
    for (const byte of digest.subarray(0, bytes)) out += byte.toString(16).padStart(2, '0');
    return out;
  }
}

/** Lexicographic order of two digests (for rendezvous weights); negative when `a` sorts first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
